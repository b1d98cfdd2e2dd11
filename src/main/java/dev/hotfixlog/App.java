package dev.hotfixlog;

import dev.hotfixlog.attachment.AttachmentApiClient;
import dev.hotfixlog.attachment.AttachmentService;
import dev.hotfixlog.attachment.FileType;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.chat.Chat;
import dev.hotfixlog.chat.MattermostPlatform;
import dev.hotfixlog.chat.SlackPlatform;
import dev.hotfixlog.chat.TeamsPlatform;
import dev.hotfixlog.deploy.DeployApiClient;
import dev.hotfixlog.deploy.DeployService;
import dev.hotfixlog.followup.FollowUpApiClient;
import dev.hotfixlog.followup.FollowUpService;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.web.HotfixWeb;
import dev.hotfixlog.incoming.AlertmanagerFormat;
import dev.hotfixlog.incoming.GrafanaFormat;
import dev.hotfixlog.incoming.IncomingApiClient;
import dev.hotfixlog.incoming.IncomingService;
import dev.hotfixlog.lesson.FieldNotes;
import dev.hotfixlog.lesson.LessonApiClient;
import dev.hotfixlog.lesson.LessonImages;
import dev.hotfixlog.lesson.LessonService;
import dev.hotfixlog.markdown.MarkdownApiClient;
import dev.hotfixlog.markdown.MarkdownService;
import dev.hotfixlog.metrics.MetricsApiClient;
import dev.hotfixlog.metrics.MetricsRoutes;
import dev.hotfixlog.metrics.MetricsService;
import dev.hotfixlog.migrate.GrafanaOnCallTool;
import dev.hotfixlog.migrate.MigrationApiClient;
import dev.hotfixlog.migrate.MigrationService;
import dev.hotfixlog.migrate.MigrationTools;
import dev.hotfixlog.migrate.MorgueTool;
import dev.hotfixlog.migrate.OpsgenieAlertsTool;
import dev.hotfixlog.migrate.OpsgenieIncidentsTool;
import dev.hotfixlog.migrate.PagerDutyTool;
import dev.hotfixlog.notify.DeliveryWorker;
import dev.hotfixlog.notify.EmailChannel;
import dev.hotfixlog.notify.LocalNotifyService;
import dev.hotfixlog.notify.MattermostChannel;
import dev.hotfixlog.notify.NotifyApiClient;
import dev.hotfixlog.notify.NotifyService;
import dev.hotfixlog.notify.SlackChannel;
import dev.hotfixlog.notify.TeamsChannel;
import dev.hotfixlog.notify.WebhookChannel;
import dev.hotfixlog.risk.RiskApiClient;
import dev.hotfixlog.risk.RiskService;
import dev.hotfixlog.search.SearchApiClient;
import dev.hotfixlog.search.SearchService;
import dev.hotfixlog.security.AccountService;
import dev.hotfixlog.security.AuditLog;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.SessionService;
import dev.hotfixlog.security.TokenService;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.WebServer;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The composition root: the one place where configuration, clock, database and features are wired together by
 * constructor. Either local (owns a {@link Database}) or remote (a client of another server's REST API).
 */
public final class App implements AutoCloseable {
    /** Masks pasted credentials in what the log keeps and in every error answer; it holds no state. */
    private final SecretRedactor redactor = new SecretRedactor();

    private final Config config;
    private final Database db;
    private final HotfixService hotfixes;
    private final MarkdownService markdown;
    private final FollowUpService followUps;
    private final NotifyService notify;
    private final MetricsService metrics;
    private final LessonService lessons;
    private final SearchService search;
    private final IncomingService incoming;
    private final DeployService deploys;
    private final RiskService risks;
    private final AttachmentService attachments;
    private final MigrationService migrations;
    private final Integrations integrations;
    private final Variants variants;
    /** Running the log from chat; null in a remote app. */
    private final Chat chat;

    private MetricsRoutes metricsRoutes;
    private final Clock clock;
    private final TokenService tokens;
    private final AuditLog audit;
    private final AccountService accounts;
    private final SessionService sessions;

    /** Made by {@link #open} for a remote app and by {@link LocalWiring} for a local one. */
    App(
            Config config,
            Database db,
            HotfixService hotfixes,
            MarkdownService markdown,
            FollowUpService followUps,
            NotifyService notify,
            MetricsService metrics,
            LessonService lessons,
            SearchService search,
            IncomingService incoming,
            DeployService deploys,
            RiskService risks,
            AttachmentService attachments,
            MigrationService migrations,
            Integrations integrations,
            Variants variants,
            Clock clock,
            Chat chat) {
        this.chat = chat;
        this.variants = variants;
        this.incoming = incoming;
        this.migrations = migrations;
        this.attachments = attachments;
        this.deploys = deploys;
        this.risks = risks;
        this.integrations = integrations;
        this.metrics = metrics;
        this.lessons = lessons;
        this.search = search;
        this.config = config;
        this.db = db;
        this.hotfixes = hotfixes;
        this.markdown = markdown;
        this.followUps = followUps;
        this.notify = notify;
        this.clock = clock;
        this.tokens = db == null ? null : new TokenService(db, clock, redactor);
        this.audit = db == null ? null : new AuditLog(db, clock, redactor);
        this.accounts = db == null
                ? null
                : new AccountService(db, clock, config.dataDir().resolve(AccountService.INITIAL_PASSWORD_FILE));
        this.sessions = db == null ? null : new SessionService(db, clock);
    }

    /** Local when no server is configured, otherwise a client of {@code config.server()}. */
    public static App open(Config config, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (config.isRemote()) {
            return new App(
                    config,
                    null,
                    HotfixWeb.client(config.server(), config.token()),
                    new MarkdownApiClient(config.server(), config.token()),
                    new FollowUpApiClient(config.server(), config.token()),
                    new NotifyApiClient(config.server(), config.token()),
                    new MetricsApiClient(config.server(), config.token()),
                    new LessonApiClient(config.server(), config.token()),
                    new SearchApiClient(config.server(), config.token()),
                    new IncomingApiClient(config.server(), config.token()),
                    new DeployApiClient(config.server(), config.token()),
                    new RiskApiClient(config.server(), config.token()),
                    new AttachmentApiClient(config.server(), config.token()),
                    new MigrationApiClient(config.server(), config.token()),
                    Integrations.NONE,
                    variants(config),
                    clock,
                    null);
        }
        return local(config, clock);
    }

    public static App local(Config config, Clock clock) {
        return local(config, clock, variants(config), false);
    }

    /** The local app with these variants ({@link #variants} and whatever a test adds). */
    public static App local(Config config, Clock clock, Variants variants) {
        return local(config, clock, variants, false);
    }

    /**
     * Every kind of channel, alert format, migration tool and chat this build knows, in the order an error lists them:
     * adding one is its class and one line here.
     */
    public static Variants variants(Config config) {
        return new Variants(
                List.of(
                        new SlackChannel(),
                        new MattermostChannel(),
                        new TeamsChannel(),
                        new WebhookChannel(),
                        new EmailChannel(config.followThrough())),
                List.of(new AlertmanagerFormat(), new GrafanaFormat()),
                List.of(
                        new GrafanaOnCallTool(),
                        new OpsgenieAlertsTool(),
                        new OpsgenieIncidentsTool(),
                        new PagerDutyTool(),
                        new MorgueTool()),
                List.of(new SlackPlatform(), new MattermostPlatform(), new TeamsPlatform()));
    }

    /**
     * The local app that restores into its log: the one open that a log marked by an unfinished restore or copy
     * is not refused (every other refuses it, {@link dev.hotfixlog.backup.Backups#refuseIfUnfinished}).
     */
    public static App forRestore(Config config, Clock clock) {
        if (config.isRemote()) {
            return open(config, clock);
        }
        return local(config, clock, variants(config), true);
    }

    private static App local(Config config, Clock clock, Variants variants, boolean restoring) {
        return LocalWiring.open(config, clock, variants, restoring);
    }

    public HotfixService hotfixes() {
        return hotfixes;
    }

    public MarkdownService markdown() {
        return markdown;
    }

    public FollowUpService followUps() {
        return followUps;
    }

    public NotifyService notifications() {
        return notify;
    }

    public MetricsService metrics() {
        return metrics;
    }

    public LessonService lessons() {
        return lessons;
    }

    public SearchService search() {
        return search;
    }

    public IncomingService incoming() {
        return incoming;
    }

    public DeployService deploys() {
        return deploys;
    }

    public RiskService risks() {
        return risks;
    }

    public AttachmentService attachments() {
        return attachments;
    }

    public MigrationService migrations() {
        return migrations;
    }

    /** The tools {@link #migrations} moves in from (the CLI names one; a remote app knows the built-in ones). */
    public MigrationTools migrationTools() {
        return variants.tools();
    }

    /** The field-notes site builder; it reads the database itself (people included, to keep them out). */
    public FieldNotes fieldNotes() {
        // A lesson's images go on the site under their hash; its other files (logs, PDFs) stay in the log.
        AttachmentService files = attachments;
        return new FieldNotes(
                requireLocal(db),
                new Pages(),
                id -> files.list(Owner.parse(id), false).stream()
                        .filter(a -> a.type().display() == FileType.Display.IMAGE)
                        .map(a -> new LessonImages.Image(
                                a.sha256(),
                                a.type().extension(),
                                files.content(a.id()).bytes(),
                                a.note()))
                        .toList());
    }

    /** Delivers every message that is due now, in this process; local apps only (the CLI after a send, tests). */
    public int deliverNow() {
        return requireLocal(localNotify()).worker().drainAll();
    }

    /** The local delivery worker; tests drive it under a controlled clock. */
    public DeliveryWorker deliveryWorker() {
        return requireLocal(localNotify()).worker();
    }

    private LocalNotifyService localNotify() {
        return notify instanceof LocalNotifyService l ? l : null;
    }

    /** The log's portable archives (backup, restore); local apps only. */
    public Backups backups() {
        return new Backups(requireLocal(db), clock);
    }

    /** API tokens of this installation; local apps only. */
    public TokenService tokens() {
        return requireLocal(tokens);
    }

    public AuditLog audit() {
        return requireLocal(audit);
    }

    public AccountService accounts() {
        return requireLocal(accounts);
    }

    /** Starts the HTTP server on this app's database; only a local app can serve. */
    public WebServer serve() {
        requireLocal(db);
        tokens.ensureBootstrap(config.bootstrapToken());
        accounts.ensureInitialAdmin();
        ServerWiring wiring = new ServerWiring(this, config, db, clock, integrations, variants, sessions);
        List<Consumer<RoutesConfig>> features = wiring.features();
        metricsRoutes = wiring.metricsRoutes();
        WebServer server = new WebServer(
                        config,
                        features,
                        HotfixWeb::fillSchema,
                        t -> redactor.redact(t).text())
                .start();
        deliveryWorker().start(config.followThrough().intervalMillis());
        return server;
    }

    /** The chats the log is driven from (their routes, their announcements); local apps only. */
    public Chat chat() {
        return requireLocal(chat);
    }

    private static <T> T requireLocal(T part) {
        if (part == null) {
            throw new IllegalStateException("this needs the database; a remote client (HOTFIX_SERVER) has none");
        }
        return part;
    }

    @Override
    public void close() {
        if (metricsRoutes != null) {
            metricsRoutes.close();
        }
        if (localNotify() != null) {
            localNotify().close();
        }
        if (chat != null) {
            chat.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
