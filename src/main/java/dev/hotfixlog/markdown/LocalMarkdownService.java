package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.ImportOutcome;
import dev.hotfixlog.hotfix.LocalHotfixes;
import dev.hotfixlog.hotfix.PageTimeline;
import dev.hotfixlog.hotfix.RecordImport;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.time.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** {@link MarkdownService} on the database: one read for an export, one write transaction for an import. */
public final class LocalMarkdownService implements MarkdownService {
    private static final DateTimeFormatter HISTORY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final Database db;
    private final Clock clock;
    private final HotfixService hotfixes;
    private final RecordImport records;
    private final LogEvidence evidence;
    private final LogRegister register;
    private final TeamFieldLines teamLines;
    private final MarkdownRepository repo = new MarkdownRepository();
    private final SecretRedactor redactor;

    public LocalMarkdownService(Database db, Clock clock, LocalHotfixes hotfixes, SecretRedactor redactor) {
        this(db, clock, hotfixes, redactor, LogEvidence.NONE, LogRegister.NONE);
    }

    /** With what other features keep per log that the full page carries too: evidence and the risk register. */
    public LocalMarkdownService(
            Database db,
            Clock clock,
            LocalHotfixes hotfixes,
            SecretRedactor redactor,
            LogEvidence evidence,
            LogRegister register) {
        this.evidence = evidence;
        this.register = register;
        this.db = db;
        this.clock = clock;
        this.hotfixes = hotfixes;
        this.records = hotfixes.recordImport();
        this.teamLines = new TeamFieldLines(hotfixes.customFields());
        this.redactor = redactor;
    }

    /** What a page holds beyond the records is stored text too: masked like every field. */
    private String masked(String text) {
        return text == null ? null : redactor.redact(text).text();
    }

    @Override
    public String export(LogFormat format) {
        Instant since = clock.instant().atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
        return records.inOneSnapshot((batch, h) -> {
            List<Hotfix> all = batch.all();
            Map<String, LogWriter.Beyond> beyond = repo.beyond(h);
            Map<HotfixId, List<Revision>> histories = format == LogFormat.FULL ? batch.histories() : Map.of();
            Map<String, LogWriter.Beyond> written = new HashMap<>();
            for (Hotfix x : all) {
                LogWriter.Beyond b = beyond.getOrDefault(x.id().toString(), LogWriter.Beyond.NONE);
                List<Revision> revisions = histories.getOrDefault(x.id(), List.of());
                written.put(
                        x.id().toString(),
                        new LogWriter.Beyond(
                                b.followUpStatus(),
                                teamLines.withTeamLines(x, b.extras()),
                                format == LogFormat.FULL ? history(b.history(), revisions) : b.history(),
                                revisions));
            }
            beyond = written;
            boolean full = format == LogFormat.FULL;
            List<EmergencyType> types = repo.types(h);
            List<WarningSign> signs = repo.signs(h);
            List<PageBlock> blocks = repo.blocks(h);
            PageSource source = full ? null : PageSource.of(blocks);
            if (source != null) {
                String page = FaithfulPage.write(source, all, beyond, types, signs, since, new Supplier<>() {
                    private Map<HotfixId, List<Revision>> read; // only when a record changed since the import

                    @Override
                    public Map<HotfixId, List<Revision>> get() {
                        read = read == null ? batch.histories() : read;
                        return read;
                    }
                });
                if (page != null) {
                    return page;
                }
            }
            return LogWriter.page(
                    format,
                    all,
                    beyond,
                    types,
                    signs,
                    blocks,
                    since,
                    full ? evidence.all(h) : Map.of(),
                    full ? register.write(h) : null);
        });
    }

    /** The warning signs the log page lists, in its order: the read model metrics watches them through. */
    public List<WarningSign> warningSigns() {
        return db.read(repo::signs);
    }

    @Override
    public List<PageTimeline.Line> pageTimeline(HotfixId id) {
        return TimelineLines.of(
                db.read(handle -> repo.beyond(handle, id.toString())).extras());
    }

    @Override
    public String exportOne(HotfixId id) {
        Hotfix h = hotfixes.get(id);
        List<Revision> revisions = hotfixes.history(id);
        LogWriter.Beyond b = db.read(handle -> repo.beyond(handle, id.toString()));
        return LogWriter.one(
                h,
                new LogWriter.Beyond(
                        b.followUpStatus(), teamLines.withTeamLines(h, b.extras()), history(b.history(), revisions)));
    }

    /**
     * The history summary: what an earlier system's export said, then this log's own revisions. The revisions
     * an import made are left out, so export → import → export gives the same bytes.
     */
    private static List<String> history(List<String> earlier, List<Revision> revisions) {
        List<String> out = new ArrayList<>(earlier);
        for (Revision r : revisions) {
            if (r.action().equals("imported")) {
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            for (FieldChange c : r.changes()) {
                fields.add(HotfixJson.topLevel(c.field()));
            }
            out.add(HISTORY_TIME.format(r.at()) + " " + r.actor() + ": " + r.action()
                    + (r.action().equals("created") || fields.isEmpty() ? "" : " " + String.join(", ", fields)));
        }
        return out;
    }

    @Override
    public ImportReport importLog(
            LogPage source, boolean dryRun, boolean renumber, String actor, IntConsumer progress) {
        ParsedLog page = source.parsed();
        if (!page.errors().isEmpty()) {
            throw new ValidationException(page.errors());
        }
        if (!page.isLog()) {
            // Random bytes, JSON, prose, an empty file: "created 0" would read as success.
            throw ValidationException.of(
                    "page",
                    "no hotfix entries found: a log has \"## Active Hotfixes\" or "
                            + "\"## Completed Hotfixes\" with entries like \"### 🚨 [HOTFIX-001] Title\" (see the template)");
        }
        List<PageEntry> entries = teamLines.take(page.entries());
        List<ImportItem> items = entries.stream().map(PageEntry::item).toList();
        Instant now = clock.instant();
        ImportOutcome outcome;
        PageLists lists = null;
        List<PageLists> listsDone = new ArrayList<>(1); // what the write transaction merged
        List<String> evidenceNotes = new ArrayList<>();
        if (dryRun) {
            outcome = records.inOneSnapshot((batch, h) -> batch.apply(items, actor, now, renumber, progress));
            if (!outcome.errors().isEmpty()) {
                throw new ValidationException(outcome.errors());
            }
            lists = db.read(h -> lists(h, page));
        } else {
            outcome = records.inOneTransaction((batch, h) -> {
                ImportOutcome o = batch.apply(items, actor, now, renumber, progress);
                if (!o.errors().isEmpty()) {
                    throw new ValidationException(o.errors()); // the transaction is undone: all or nothing
                }
                savePage(h, source, entries, o, actor, listsDone, evidenceNotes);
                return o;
            });
        }
        if (lists == null) {
            lists = listsDone.get(0);
        }
        return new ImportReport(
                dryRun,
                ids(outcome.created()),
                ids(outcome.updated()),
                ids(outcome.unchanged()),
                concat(concat(page.skipped(), outcome.notes()), evidenceNotes),
                lists.types().changes(),
                lists.signs().changes(),
                outcome.conflicts());
    }

    /**
     * The page's own rows, in the import's transaction after its records: what each entry holds beyond its record,
     * the emergency types and warning signs (merged, into {@code listsDone}), the page's own text, then the risk
     * register and the evidence, which belong to the records (their notes into {@code evidenceNotes}).
     */
    private void savePage(
            Handle h,
            LogPage source,
            List<PageEntry> entries,
            ImportOutcome o,
            String actor,
            List<PageLists> listsDone,
            List<String> evidenceNotes) {
        ParsedLog page = source.parsed();
        repo.saveBeyond(h, masked(beyond(entries, o, repo.beyond(h))));
        PageLists l = lists(h, page);
        if (page.types() != null) {
            repo.replaceTypes(h, l.types().merged());
        }
        if (page.wholePage()) {
            List<PageBlock> blocks = new ArrayList<>(page.blocks().stream()
                    .map(b -> new PageBlock(b.place(), masked(b.text())))
                    .toList());
            if (!page.fullExport()) {
                // The page as written, so its log form comes back byte for byte while nothing changed.
                blocks.addAll(new PageSource(
                                masked(source.text()),
                                o.ids().stream()
                                        .map(id -> new PageSource.Imported(
                                                id, o.versions().get(id)))
                                        .toList())
                        .blocks());
            }
            repo.replaceBlocks(h, blocks);
        }
        if (page.signs() != null) {
            repo.replaceSigns(h, l.signs().merged());
        }
        listsDone.add(l);
        // After the records: the register's risks and the evidence belong to them.
        if (page.register() != null) {
            register.restore(h, page.register(), actor);
        }
        for (int i = 0; i < entries.size(); i++) {
            PageEntry e = entries.get(i);
            if (e.evidence() != null) {
                evidenceNotes.addAll(evidence.restore(
                        h, o.ids().get(i).toString(), refs(e.item().line(), e.evidence()), source.files(), actor));
            }
        }
    }

    /** The page's emergency types and warning signs merged into the stored ones, masked like every field. */
    private record PageLists(PageListMerge.Result<EmergencyType> types, PageListMerge.Result<WarningSign> signs) {}

    private PageLists lists(Handle h, ParsedLog page) {
        List<EmergencyType> types = page.types() == null
                ? null
                : page.types().stream()
                        .map(t -> new EmergencyType(masked(t.name()), masked(t.prevention())))
                        .toList();
        List<WarningSign> signs = page.signs() == null
                ? null
                : page.signs().stream()
                        .map(t -> new WarningSign(masked(t.signal()), masked(t.threshold())))
                        .toList();
        return new PageLists(
                PageListMerge.merge(repo.types(h), types, EmergencyType::name, page.fullExport()),
                PageListMerge.merge(repo.signs(h), signs, WarningSign::signal, page.fullExport()));
    }

    private static final Pattern EVIDENCE_FILE = Pattern.compile(LogEvidence.FOLDER + "/[0-9a-f]{64}\\.[a-z]{2,4}");

    /** A record's evidence as its details block lists it; a path outside the folder's own names is refused. */
    private static List<LogEvidence.Ref> refs(int line, ArrayNode list) {
        List<LogEvidence.Ref> out = new ArrayList<>();
        for (JsonNode n : list) {
            String file = n.path("file").asText("");
            String sha = n.path("sha256").asText("");
            if (!EVIDENCE_FILE.matcher(file).matches() || !file.startsWith(LogEvidence.FOLDER + "/" + sha + ".")) {
                throw ValidationException.of(
                        "line " + line,
                        "an attachment's file must be " + LogEvidence.FOLDER + "/<its SHA-256>.<extension>, was '"
                                + file + "'");
            }
            Instant added;
            try { // the one time reader: a year beyond 9999 would overflow the stored epoch milliseconds
                added = TimeText.parseInstant("addedAt", n.path("addedAt").asText(""));
            } catch (ValidationException e) {
                throw ValidationException.of(
                        "line " + line,
                        "attachment " + file + ": addedAt is not a time " + "from the year -9999 to 9999");
            }
            out.add(new LogEvidence.Ref(
                    file,
                    n.path("fileName").asText("attachment"),
                    n.path("note").isTextual() ? n.path("note").asText() : null,
                    sha,
                    n.path("addedBy").asText("import"),
                    added));
        }
        return out;
    }

    /**
     * The page is the source for what it holds beyond each record. What only a full export carries (history,
     * the write-up section's extra lines) is kept from before when the page is the shorter log form.
     */
    private static Map<String, LogWriter.Beyond> beyond(
            List<PageEntry> entries, ImportOutcome o, Map<String, LogWriter.Beyond> stored) {
        Map<String, LogWriter.Beyond> out = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PageEntry e = entries.get(i);
            String id = o.ids().get(i).toString();
            LogWriter.Beyond before = stored.getOrDefault(id, LogWriter.Beyond.NONE);
            boolean full = e.history() != null;
            List<UnplacedText> extras = new ArrayList<>(e.extras());
            HotfixId was = o.renumbered().get(o.ids().get(i));
            if (was != null) {
                extras.add(new UnplacedText(
                        null,
                        "#### Imported under a new id\n\nThis was " + was + " on the imported page;" + " " + was
                                + " here is another incident."));
            }
            if (!full) {
                before.extras().stream()
                        .filter(x -> "Legible Fix".equals(x.section()))
                        .forEach(extras::add);
            }
            String status =
                    e.followUpStatus() != null || e.item().day() != null ? e.followUpStatus() : before.followUpStatus();
            List<String> history = full ? e.history() : before.history();
            if (full
                    && o.created().contains(o.ids().get(i))
                    && !e.item().revisions().isEmpty()) {
                // Its revisions came along and are summed up again on export: only the earlier system's lines stay.
                int own = history(List.of(), e.item().revisions()).size();
                history = history.subList(0, Math.max(0, history.size() - own));
            }
            out.put(id, new LogWriter.Beyond(status, extras, history));
        }
        return out;
    }

    private Map<String, LogWriter.Beyond> masked(Map<String, LogWriter.Beyond> byId) {
        Map<String, LogWriter.Beyond> out = new HashMap<>();
        byId.forEach((id, b) -> out.put(
                id,
                new LogWriter.Beyond(
                        masked(b.followUpStatus()),
                        b.extras().stream()
                                .map(x -> new UnplacedText(x.section(), masked(x.text())))
                                .toList(),
                        b.history().stream().map(this::masked).toList())));
        return out;
    }

    private static List<String> ids(List<HotfixId> ids) {
        return ids.stream().map(HotfixId::toString).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
