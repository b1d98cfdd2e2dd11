package dev.hotfixlog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Morgue's editor HTML as the plain text a hotfix's field holds (the whole path is in MigrateFromMorgueTest). */
class HtmlTextTest {
    @Test
    void markup_becomesLines_entitiesDecoded_hiddenPartsDropped_linksKeptWithTheirAddress() {
        assertThat(HtmlText.plain("<div><h1>Title</h1><p>One&nbsp;&amp; two<br>three</p><ol><li>a</li><li>b</li></ol>"
                        + "<p>See <a href='https://x.example/p?q=1&amp;r=2'>the page</a>, <a href='mailto:ops@x.example'>"
                        + "mailto:ops@x.example</a>, <a href='javascript:alert(1)'>this</a>.</p><script>x()</script>"
                        + "<style>b{}</style><!-- hidden --><pre>  kept\n  as is</pre><img src=a.png alt=graph></div>"))
                .isEqualTo("Title\n\nOne & two\nthree\n\n- a\n- b\n\nSee the page (https://x.example/p?q=1&r=2), "
                        + "mailto:ops@x.example, this.\n\n  kept\n  as is\n\n[graph]");
    }

    @Test
    void aTextWithoutMarkup_isTakenAsItIs() {
        assertThat(HtmlText.plain("Pool max 20 -> 40;  two  spaces\nkept"))
                .isEqualTo("Pool max 20 -> 40;  two  spaces\nkept");
        assertThat(HtmlText.plain(null)).isNull();
        assertThat(HtmlText.plain("a < b & c")).isEqualTo("a < b & c");
    }

    @Test
    void aHugeDeeplyNestedText_isReadUpToItsLimit_andSaysTheRestIsKeptElsewhere() {
        String nested = "<table><tr><td>x".repeat(200_000);
        String text = HtmlText.plain(nested);
        assertThat(text).endsWith("\n\n" + HtmlText.REST).startsWith("x\n\nx\n\nx");
        assertThat(text.length()).isLessThan(HtmlText.MAX_HTML_CHARS);
    }
}
