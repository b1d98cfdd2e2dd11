package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class MarkupTest {
    @Test
    void theFiveSpecialCharacters_areEscaped_inTextAndInAttributes() {
        assertThat(Markup.escape("<script>alert(\"x\" & 'y')</script>"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
    }

    @Test
    void charactersXmlForbids_areDropped_andEverythingElseIsKept() throws Exception {
        String hostile =
                "tab\there\u0000\u0001\u0008\u000B\u001B[31mred\uFFFE\uFFFF, lone \uD800 half, " + "Ünïcödé 日本語 🚨\r\n";
        String escaped = Markup.escape(hostile);
        assertThat(escaped).isEqualTo("tab\there[31mred, lone  half, Ünïcödé 日本語 🚨\r\n");
        // What is left parses as XML, as text and as an attribute: a feed or a chart with it stays readable.
        String xml = "<r a=\"" + escaped + "\">" + escaped + "</r>";
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void nothing_isEmptyText() {
        assertThat(Markup.escape(null)).isEmpty();
        assertThat(Markup.escape("")).isEmpty();
    }
}
