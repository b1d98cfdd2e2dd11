package dev.hotfixlog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, Deque's accessibility engine, run inside a page at WCAG 2.1 A and AA. The script is axe.min.js from
 * the test classpath (Maven's com.deque.html.axe-core:playwright jar), so nothing is downloaded while tests run.
 * A context made by {@link #context} adds it to every document as an init script (the browser's own injection,
 * outside the page's CSP), so the pages are checked under their real strict CSP; an inline script tag would be
 * refused by it, and bypassing CSP would check pages as no user sees them.
 */
public final class Axe {
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** The rules whose outcome depends on colour: all a second colour scheme needs checked again. */
    public static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    private static final String RUN = "async ([type, values]) => { const r = await axe.run(document, "
            + "{runOnly: {type: type, values: values}, resultTypes: ['violations'], iframes: false});"
            + " return JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            + " targets: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '')"
            + ".replace(/\\s+/g, ' ').trim())}))); }";

    private Axe() {}

    /** One rule broken on a page: its axe id (e.g. color-contrast), help text and the elements that break it. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + "\n      " + String.join("\n      ", targets);
        }
    }

    /** A context whose every page has axe loaded, with this viewport and colour scheme. */
    public static BrowserContext context(Browser browser, int width, int height, ColorScheme scheme) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
        context.addInitScript(Source.TEXT);
        return context;
    }

    /** The page's violations at WCAG 2.1 AA as it stands now; empty when it passes. */
    public static List<Violation> violations(Page page) {
        return run(page, "tag", TAGS);
    }

    /** Only the violations of {@link #COLOUR_RULES}: for a page already checked whole in another scheme. */
    public static List<Violation> colourViolations(Page page) {
        return run(page, "rule", COLOUR_RULES);
    }

    private static List<Violation> run(Page page, String type, List<String> values) {
        if ("undefined".equals(page.evaluate("typeof window.axe"))) {
            throw new IllegalStateException("axe is not loaded: make the page's context with Axe.context");
        }
        String json = (String) page.evaluate(RUN, List.of(type, values));
        try {
            List<Violation> out = new ArrayList<>();
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                List<String> targets = new ArrayList<>();
                v.path("targets").forEach(t -> targets.add(t.asText()));
                out.add(new Violation(
                        v.path("id").asText(),
                        v.path("impact").asText(),
                        v.path("help").asText(),
                        targets));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe.min.js, read once. */
    private static final class Source {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath"
                            + " (the test dependency com.deque.html.axe-core:playwright)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
