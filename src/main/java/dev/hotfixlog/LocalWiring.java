package dev.hotfixlog;

import dev.hotfixlog.attachment.AttachmentsInLog;
import dev.hotfixlog.attachment.AttachmentsOfRecord;
import dev.hotfixlog.attachment.LocalAttachmentService;
import dev.hotfixlog.attachment.SourceDocuments;
import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.chat.Chat;
import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.deploy.DeployRoutes;
import dev.hotfixlog.deploy.LocalDeployService;
import dev.hotfixlog.followup.LocalFollowUpService;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FollowUpDue;
import dev.hotfixlog.hotfix.LocalHotfixes;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.incoming.AlertFormat;
import dev.hotfixlog.incoming.LocalIncomingService;
import dev.hotfixlog.lesson.LocalLessonService;
import dev.hotfixlog.markdown.LocalMarkdownService;
import dev.hotfixlog.metrics.LocalMetricsService;
import dev.hotfixlog.metrics.LogSigns;
import dev.hotfixlog.metrics.SignReading;
import dev.hotfixlog.migrate.LocalMigrationService;
import dev.hotfixlog.migrate.MigrationLinks;
import dev.hotfixlog.migrate.SeverityTable;
import dev.hotfixlog.notify.LocalNotifyService;
import dev.hotfixlog.notify.Notifier;
import dev.hotfixlog.notify.SignAlarm;
import dev.hotfixlog.risk.LocalRiskService;
import dev.hotfixlog.risk.ReviewPeriods;
import dev.hotfixlog.risk.RiskFromRecord;
import dev.hotfixlog.risk.RiskRegisterInLog;
import dev.hotfixlog.search.LocalSearchService;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.Dialect;
import dev.hotfixlog.time.TimeText;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The local half of the composition root, apart from {@link App} so each stays short: the settings read first (a
 * bad one stops the start before the database is touched), then the database, then the features in the order
 * they need each other, one small method per feature that needs more than its constructor.
 */
final class LocalWiring {
    private final SecretRedactor redactor = new SecretRedactor();
    private final Config config;
    private final Clock clock;
    private final Variants variants;
    private final FollowUpDue due;
    private final CustomFields teamFields;
    private final Integrations integrations;
    private final Duration causeWindow;
    private final ReviewPeriods reviewPeriods;
    private final SeverityTable migrateSeverity;
    private final Notifier notifier;

    /** Reads every setting: a bad channel, template or due time stops the start before the database is touched. */
    private LocalWiring(Config config, Clock clock, Variants variants) {
        this.config = config;
        this.clock = clock;
        this.variants = variants;
        this.due = FollowUpDue.parse(
                Setting.FOLLOWUP_DUE.envName(), config.followThrough().followUpDue());
        this.teamFields = CustomFields.parse(Setting.FIELDS.envName(), config.fields());
        // Who may send alerts, deploys and chat requests: the alert formats' kinds of sender, the deploys', the chats'.
        this.integrations = Integrations.parse(
                config.integrations(),
                Stream.of(
                                variants.alertFormats().stream().map(AlertFormat::sender),
                                DeployRoutes.SENDERS.stream(),
                                variants.chatPlatforms().stream().map(ChatPlatform::sender))
                        .flatMap(s -> s)
                        .toList());
        this.causeWindow = TimeText.parseDuration(Setting.CAUSE_WINDOW.envName(), config.causeWindow());
        this.reviewPeriods = ReviewPeriods.parse(Setting.RISK_REVIEW.envName(), config.riskReview());
        this.migrateSeverity = SeverityTable.builtIn(variants.tools())
                .with(
                        Setting.MIGRATE_SEVERITY.envName(),
                        SeverityTable.parseLines(Setting.MIGRATE_SEVERITY.envName(), config.migrateSeverity()));
        this.notifier = Notifier.create(config, variants.channels(), Dialect.ofUrl(config.dbUrl()), clock);
    }

    /** The local app; {@code restoring} opens a log an unfinished restore or copy marked (App.forRestore). */
    static App open(Config config, Clock clock, Variants variants, boolean restoring) {
        return new LocalWiring(config, clock, variants).app(restoring);
    }

    private App app(boolean restoring) {
        Database db = database(restoring);
        teamFields.reconcile(db, Setting.FIELDS.envName(), clock.millis());
        Chat chat = new Chat(
                config.publicUrl(),
                config.followThrough().templatesDir(),
                integrations,
                variants.chatPlatforms(),
                clock);
        LocalHotfixes hotfixes = hotfixes(db, chat);
        chat.bind(db, hotfixes);
        LocalMarkdownService markdown = markdown(db, hotfixes);
        LocalMetricsService metrics = metrics(db, markdown);
        LocalLessonService lessons = new LocalLessonService(db, clock, hotfixes, redactor);
        return new App(
                config,
                db,
                hotfixes,
                markdown,
                new LocalFollowUpService(db, clock),
                new LocalNotifyService(db, notifier, hotfixes, breached(metrics), clock),
                metrics,
                lessons,
                new LocalSearchService(db, hotfixes),
                new LocalIncomingService(db, clock, redactor, hotfixes, variants.alertFormats()),
                new LocalDeployService(db, clock, redactor, hotfixes, causeWindow),
                new LocalRiskService(db, clock, redactor, hotfixes, reviewPeriods),
                new LocalAttachmentService(
                        db, clock, redactor, hotfixes, lessons, config.attachMaxFile(), config.attachMaxRecord()),
                migrations(db, hotfixes),
                integrations,
                variants,
                clock,
                chat);
    }

    private Database database(boolean restoring) {
        Database db = Database.open(
                config.dbUrl(),
                config.dbUser(),
                config.dbPassword(),
                config.dbPoolSize(),
                config.backupBeforeMigration().equals("always") && Dialect.ofUrl(config.dbUrl()) == Dialect.POSTGRESQL
                        ? (log, from) -> Backups.keepBeforeMigrating(
                                log, from, config.dataDir().resolve("backups"), clock)
                        : Database.MigrationGuard.NONE);
        if (!restoring) {
            try {
                new Backups(db, clock).refuseIfUnfinished();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    /** The register hears of every record change in its transaction: Risk Accepted becomes a risk. */
    private LocalHotfixes hotfixes(Database db, Chat chat) {
        return LocalHotfixes.on(
                db,
                clock,
                redactor,
                due,
                RecordListeners.of(
                        notifier,
                        new RiskFromRecord(clock, reviewPeriods, redactor),
                        new AttachmentsOfRecord(clock, redactor),
                        new MigrationLinks(clock),
                        chat.listener()),
                teamFields);
    }

    /** The full Markdown export carries the register and the evidence; their features write and read them. */
    private LocalMarkdownService markdown(Database db, LocalHotfixes hotfixes) {
        return new LocalMarkdownService(
                db,
                clock,
                hotfixes,
                redactor,
                new AttachmentsInLog(redactor, config.attachMaxFile(), config.attachMaxRecord()),
                new RiskRegisterInLog(clock, redactor));
    }

    /** The signs the team wrote on its log page are watched like the others; metrics reads them from Markdown. */
    private LocalMetricsService metrics(Database db, LocalMarkdownService markdown) {
        LogSigns written = () -> markdown.warningSigns().stream()
                .map(w -> new LogSigns.Written(w.signal(), w.threshold()))
                .toList();
        return new LocalMetricsService(
                db,
                clock,
                redactor,
                written,
                teamFields.all().stream()
                        .filter(f -> f.type() == CustomField.Type.CHOICE || f.type() == CustomField.Type.MULTI_CHOICE)
                        .map(CustomField::name)
                        .toList());
    }

    /** Breached warning signs reach the channels; the notifications do not know how signs are computed. */
    private static SignAlarm.Source breached(LocalMetricsService metrics) {
        return () -> metrics.signs().stream()
                .filter(SignReading::breached)
                .map(s -> new SignAlarm(s.name(), s.description(), s.value(), s.threshold(), s.direction()))
                .toList();
    }

    /** A migrated record's source document is kept as its evidence, through the attachments' cleaning. */
    private LocalMigrationService migrations(Database db, LocalHotfixes hotfixes) {
        return new LocalMigrationService(
                db,
                clock,
                hotfixes.recordImport(),
                new SourceDocuments(redactor, config.attachMaxFile(), config.attachMaxRecord()),
                variants.tools(),
                migrateSeverity,
                redactor);
    }
}
