package dev.hotfixlog;

import dev.hotfixlog.attachment.AttachmentRoutes;
import dev.hotfixlog.deploy.DeployRoutes;
import dev.hotfixlog.followup.FollowUpRoutes;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.hotfix.TimelineMark;
import dev.hotfixlog.hotfix.web.HotfixWeb;
import dev.hotfixlog.incoming.IncomingDeclarations;
import dev.hotfixlog.incoming.IncomingRoutes;
import dev.hotfixlog.incoming.LocalIncomingService;
import dev.hotfixlog.lesson.LessonPages;
import dev.hotfixlog.lesson.LessonRoutes;
import dev.hotfixlog.markdown.LogSectionsPanel;
import dev.hotfixlog.markdown.MarkdownRoutes;
import dev.hotfixlog.metrics.BreachedSigns;
import dev.hotfixlog.metrics.MetricsRoutes;
import dev.hotfixlog.migrate.MigrationRoutes;
import dev.hotfixlog.notify.NotifyPages;
import dev.hotfixlog.notify.NotifyRoutes;
import dev.hotfixlog.risk.RiskRoutes;
import dev.hotfixlog.search.SearchRoutes;
import dev.hotfixlog.security.AccessGate;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.OidcSignIn;
import dev.hotfixlog.security.SecurityRoutes;
import dev.hotfixlog.security.SessionService;
import dev.hotfixlog.security.SignInRoutes;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.HealthRoutes;
import dev.hotfixlog.web.IngestGate;
import dev.hotfixlog.web.Pages;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's half of the composition root, apart from {@link App} so each stays short: every feature's routes
 * and pages, the access gate first, and the record page's panels, made from a local app's parts.
 */
final class ServerWiring {
    private final App app;
    private final Config config;
    private final Database db;
    private final Clock clock;
    private final Integrations integrations;
    private final Variants variants;
    private final SessionService sessions;
    private MetricsRoutes metricsRoutes;

    ServerWiring(
            App app,
            Config config,
            Database db,
            Clock clock,
            Integrations integrations,
            Variants variants,
            SessionService sessions) {
        this.app = app;
        this.config = config;
        this.db = db;
        this.clock = clock;
        this.integrations = integrations;
        this.variants = variants;
        this.sessions = sessions;
    }

    /** Each feature's route registration, in the order the server registers them. */
    List<Consumer<RoutesConfig>> features() {
        Pages pages = new Pages();
        NotifyPages notifyPages = new NotifyPages(app.notifications(), pages);
        AttachmentRoutes attachmentRoutes = new AttachmentRoutes(app.attachments(), pages);
        LessonPages lessonPages = new LessonPages(app.lessons(), app.hotfixes(), pages, attachmentRoutes::panel);
        SearchRoutes searchRoutes = new SearchRoutes(app.search(), pages);
        // The record page shows what other features know of the hotfix: similar past fixes, its messages, its
        // lessons.
        LogSectionsPanel logSections = new LogSectionsPanel(db, pages);
        // Machine senders (alerts, deploys) share a few turns, so a storm cannot take the cores from the board.
        IngestGate senders = IngestGate.perCore();
        IncomingRoutes incomingRoutes = new IncomingRoutes(
                app.incoming(),
                (LocalIncomingService) app.incoming(),
                variants.alertFormats(),
                integrations,
                senders,
                pages,
                clock);
        DeployRoutes deployRoutes = new DeployRoutes(app.deploys(), integrations, senders, pages, clock);
        RiskRoutes riskRoutes = new RiskRoutes(app.risks(), pages, clock, config.runbookUrl());
        MigrationRoutes migrationRoutes = new MigrationRoutes(app.migrations(), variants.tools(), pages);
        RecordPanels html = h -> migrationRoutes.panel(h)
                + incomingRoutes.panel(h)
                + deployRoutes.panel(h)
                + attachmentRoutes.panel(h)
                + riskRoutes.panel(h)
                + logSections.html(h)
                + searchRoutes.html(h)
                + notifyPages.html(h)
                + lessonPages.html(h);
        RecordPanels panels = RecordPanels.of(html, h -> {
            List<TimelineMark> marks = new ArrayList<>(incomingRoutes.marks(h));
            marks.addAll(deployRoutes.marks(h));
            return marks;
        });
        metricsRoutes = new MetricsRoutes(app.metrics(), pages, clock);
        List<Consumer<RoutesConfig>> features = new ArrayList<>(List.of(
                new AccessGate(app.tokens(), sessions, app.audit())::register,
                new SecurityRoutes(app.tokens(), app.audit(), pages, app.accounts())::register,
                new SignInRoutes(
                        app.accounts(),
                        sessions,
                        db,
                        clock,
                        pages,
                        config.oidc().enabled())::register,
                HotfixWeb.pages(
                        app.hotfixes(),
                        pages,
                        clock,
                        panels,
                        new BreachedSigns(app.metrics(), clock),
                        incomingRoutes::lane,
                        new IncomingDeclarations(app.incoming())),
                incomingRoutes::register,
                deployRoutes::register,
                riskRoutes::register,
                attachmentRoutes::register,
                migrationRoutes::register,
                HotfixWeb.editPages(app.hotfixes(), pages, clock, panels),
                notifyPages::register,
                new NotifyRoutes(app.notifications())::register,
                new FollowUpRoutes(app.followUps(), pages, clock)::register,
                metricsRoutes::register,
                new HealthRoutes(db)::register,
                HotfixWeb.routes(app.hotfixes(), app.markdown()::exportOne, app.markdown()::pageTimeline),
                new MarkdownRoutes(app.markdown())::register,
                lessonPages::register,
                new LessonRoutes(app.lessons())::register,
                searchRoutes::register,
                app.chat().routes(app.accounts(), app.audit(), app.attachments())));
        if (config.oidc().enabled()) {
            features.add(new OidcSignIn(config, db, clock, app.accounts(), sessions)::register);
        }
        return features;
    }

    /** The metrics routes {@link #features} made: the app closes their registry. */
    MetricsRoutes metricsRoutes() {
        return metricsRoutes;
    }
}
