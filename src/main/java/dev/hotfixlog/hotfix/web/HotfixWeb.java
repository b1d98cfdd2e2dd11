package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.BoardLanes;
import dev.hotfixlog.hotfix.BoardNotices;
import dev.hotfixlog.hotfix.DeclareSource;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.PageTimeline;
import dev.hotfixlog.hotfix.RecordMarkdown;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.web.Pages;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The record's web package as the composition root opens it: its pages, its REST routes, its REST client and
 * its OpenAPI schemas. The classes behind them stay package-private; only {@link HotfixView} and
 * {@link SectionForms}, which the jte templates name, are public besides this.
 */
public final class HotfixWeb {
    private HotfixWeb() {}

    /** The board, the list, a record and its history, declaring; {@code lanes} and {@code sources} from incoming. */
    public static Consumer<RoutesConfig> pages(
            HotfixService service,
            Pages pages,
            Clock clock,
            RecordPanels panels,
            BoardNotices notices,
            BoardLanes lanes,
            DeclareSource sources) {
        return new HotfixPages(service, pages, clock, panels, notices, lanes, sources)::register;
    }

    /** A section edited in place, the lifecycle buttons, the checklists. */
    public static Consumer<RoutesConfig> editPages(
            HotfixService service, Pages pages, Clock clock, RecordPanels panels) {
        return new RecordEditPages(service, pages, clock, panels)::register;
    }

    /** {@code /api/v1/hotfixes…}; a record's Markdown and kept timeline come from the feature that keeps them. */
    public static Consumer<RoutesConfig> routes(
            HotfixService service, RecordMarkdown markdown, PageTimeline pageTimeline) {
        return new HotfixRoutes(service, markdown, pageTimeline)::register;
    }

    /** The same service over another server's REST API. */
    public static HotfixService client(String serverUrl, String token) {
        return new HotfixApiClient(serverUrl, token);
    }

    /** Fills the OpenAPI document's record schemas from the catalogue, when the server starts. */
    public static ObjectNode fillSchema(ObjectNode openApi) {
        return RecordSchema.fill(openApi);
    }
}
