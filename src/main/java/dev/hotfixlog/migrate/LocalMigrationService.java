package dev.hotfixlog.migrate;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.ImportOutcome;
import dev.hotfixlog.hotfix.RecordImport;
import dev.hotfixlog.migrate.MigrationTally.PageResult;
import dev.hotfixlog.migrate.MigrationTally.Run;
import dev.hotfixlog.migrate.PageReader.Candidate;
import dev.hotfixlog.migrate.PageReader.Read;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.Dialect;
import dev.hotfixlog.work.Threads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Moves a tool's history in, page by page. The next page is read while this one is stored. Each page is one
 * write transaction: its records (through the record feature's bulk door, so its listeners hear of them), the
 * link from each source id to its hotfix, each new or changed source document as evidence, and the position after
 * the page. A run killed anywhere leaves whole pages stored and the position after the last of them, so running
 * it again goes on there; a record seen again is matched by its source id, never stored twice.
 */
public final class LocalMigrationService implements MigrationService {
    private final Database db;
    private final Clock clock;
    private final RecordImport records;
    private final KeptDocuments documents;
    private final MigrationTools tools;
    private final SeverityTable severities;
    private final SecretRedactor redactor;
    private final Fetcher.Sleeper sleeper;
    private final MigrationRepository repo = new MigrationRepository();
    private final PageReader pages;

    /**
     * Moves in from any of the {@code tools}, by their built-in severity tables with {@code severities} over them
     * ({@link SeverityTable#builtIn} of the same tools, then the configured lines).
     */
    public LocalMigrationService(
            Database db,
            Clock clock,
            RecordImport records,
            KeptDocuments documents,
            MigrationTools tools,
            SeverityTable severities,
            SecretRedactor redactor) {
        this.tools = tools;
        this.db = db;
        this.clock = clock;
        this.records = records;
        this.documents = documents;
        this.severities = severities;
        this.redactor = redactor;
        this.sleeper = d -> Thread.sleep(d.toMillis());
        this.pages = new PageReader(clock, documents);
    }

    @Override
    public Optional<SourceLink> sourceOf(String hotfixId) {
        String id = HotfixId.parse(hotfixId).toString();
        return db.read(h -> repo.linkOf(h, id))
                .map(l -> new SourceLink(
                        l.source(),
                        tools.find(l.source()).map(MigrationTool::label).orElse(l.source()),
                        l.sourceKey(),
                        l.hotfixId(),
                        l.url(),
                        MigrationRepository.time(l.migratedAt()),
                        MigrationRepository.time(l.updatedAt())));
    }

    @Override
    public MigrationReport migrate(MigrationRequest request, String actor, Consumer<String> progress) {
        MigrationTool kind = request.source();
        SeverityTable table = severities.with("severity", request.severity());
        String origin = redactor.redact(request.origin()).text();
        Run run = new Run(kind, origin, request.dryRun(), actor);
        String start = null;
        if (!request.dryRun()) {
            if (request.restart()) {
                db.write(h -> {
                    repo.clearCursor(h, kind.name(), origin);
                    return null;
                });
            } else {
                start = db.read(h -> repo.cursor(h, kind.name(), origin)).orElse(null);
            }
        }
        run.resumedFrom = start;
        ExecutorService reader = Threads.single("migrate-read");
        try (Source source = kind.open(request, clock.instant(), sleeper)) {
            final String first = start;
            // The reader fetches the next page, maps it and cleans its documents while this page is stored.
            Future<Read> next = reader.submit(() -> pages.read(source.page(first), table, request));
            // Saved pages and Morgue's table end by themselves; only an API can make up pages for ever.
            PagingGuard guard =
                    new PagingGuard(request.overHttp() ? request.limits().maxPages() : Integer.MAX_VALUE, first);
            try {
                while (true) {
                    Read page = await(next);
                    String after = page.page().next();
                    boolean ahead = guard.mayRead(run.pages + 1, after);
                    if (ahead) {
                        next = reader.submit(() -> pages.read(source.page(after), table, request));
                    }
                    int fresh = store(run, page);
                    run.pages++;
                    progress.accept(kind.label() + ": page " + run.pages + ", " + run.read + " records read, "
                            + (run.created.size() + run.updated.size()) + (request.dryRun() ? " to store" : " stored"));
                    if (after == null) {
                        run.finished = true;
                        break;
                    }
                    guard.check(
                            run.pages,
                            after,
                            page.candidates().size() + page.unusable().size(),
                            fresh);
                    if (!ahead) {
                        throw new IllegalStateException("the guard let a page through that it did not read ahead");
                    }
                }
            } catch (ValidationException e) {
                if (request.dryRun() || run.pages == 0) {
                    throw e;
                }
                List<FieldError> errors = new ArrayList<>(e.errors());
                errors.add(new FieldError(
                        "migration",
                        "stopped after " + run.pages + " page(s): "
                                + run.created.size() + " created, " + run.updated.size()
                                + " updated are stored; the same "
                                + "command goes on from the page after them"));
                throw new ValidationException(errors);
            } finally {
                next.cancel(true);
                run.counts = source.counts();
            }
        } finally {
            reader.shutdownNow();
        }
        return run.report(table.linesOf(kind));
    }

    private static Read await(Future<Read> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the source", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stores a page; answers how many of its records this run had not seen before. */
    private int store(Run run, Read read) {
        SourcePage page = read.page();
        run.skipped.addAll(page.skipped());
        List<Candidate> candidates = new ArrayList<>();
        int fresh = 0;
        for (Skipped s : read.unusable()) {
            if (run.seen.add(s.sourceKey())) {
                run.read++;
                run.skipped.add(s);
                fresh++;
            } else {
                run.note(s.sourceKey() + ": listed again by the source; reported once");
            }
        }
        for (Candidate c : read.candidates()) {
            // A record listed twice (on one page, or a newer one moved the pages): the first listing is taken.
            if (run.seen.add(c.doc().key())) {
                run.read++;
                candidates.add(c);
                fresh++;
            } else {
                run.note(c.doc().key() + ": listed again by the source; the first listing is the one "
                        + (run.dryRun ? "read" : "stored"));
            }
        }
        Instant now = clock.instant();
        PageResult result;
        if (run.dryRun) {
            result = records.inOneSnapshot((batch, h) -> apply(batch, h, run, candidates, false, page.next(), now));
        } else {
            // A record the log refuses is skipped with the log's reason; the page is then stored without it.
            List<Candidate> left = new ArrayList<>(candidates);
            List<Skipped> refused = new ArrayList<>();
            while (true) {
                try {
                    List<Candidate> these = List.copyOf(left);
                    result =
                            records.inOneTransaction((batch, h) -> apply(batch, h, run, these, true, page.next(), now));
                    break;
                } catch (ValidationException e) {
                    Map<Integer, String> byLine = RefusalLines.byLine(e.errors());
                    if (byLine == null) {
                        throw e;
                    }
                    List<Candidate> kept = new ArrayList<>();
                    for (int i = 0; i < left.size(); i++) {
                        String why = byLine.get(i + 1);
                        if (why == null) {
                            kept.add(left.get(i));
                        } else {
                            refused.add(new Skipped(left.get(i).doc().key(), why));
                        }
                    }
                    left = kept;
                }
            }
            result.skipped.addAll(refused);
        }
        run.add(result);
        return fresh;
    }

    /**
     * Puts a page's candidates through the record log's import: a record deleted here is skipped, an unchanged one
     * (same document, same mapping) is only reported, the rest are imported; when {@code write}, their links,
     * documents and the position after the page are stored too.
     */
    private PageResult apply(
            RecordImport.Batch batch,
            Handle h,
            Run run,
            List<Candidate> candidates,
            boolean write,
            String next,
            Instant now) {
        PageResult r = new PageResult();
        String source = run.kind.name();
        Map<String, MigrationRepository.Link> links = repo.links(
                h, source, candidates.stream().map(c -> c.doc().key()).toList(), db.dialect() == Dialect.POSTGRESQL);
        List<Candidate> changed = new ArrayList<>();
        List<ImportItem> items = new ArrayList<>();
        sort(candidates, links, r, changed, items);
        if (!items.isEmpty()) {
            ImportOutcome o = batch.apply(items, run.actor, now, false, n -> {});
            List<FieldError> refusals = o.errors(); // no conflicts: a linked item is its own incident
            if (write && !refusals.isEmpty()) {
                throw new ValidationException(refusals); // undone; the page is stored again without them
            }
            Map<Integer, String> refused = refusals.isEmpty() ? Map.of() : RefusalLines.byLine(refusals);
            Set<HotfixId> created = new HashSet<>(o.created());
            Set<HotfixId> updated = new HashSet<>(o.updated());
            List<MigrationRepository.Link> newLinks = new ArrayList<>();
            List<KeptDocuments.Keep> kept = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                Candidate c = changed.get(i);
                int line = items.get(i).line();
                if (refused != null && refused.containsKey(line)) {
                    r.skipped.add(new Skipped(c.doc().key(), refused.get(line)));
                    continue;
                }
                HotfixId id = o.ids().get(i); // the outcome names every item's id, a refused one's too
                MigrationRepository.Link link = links.get(c.doc().key());
                MigrationReport.Entry entry = new MigrationReport.Entry(
                        c.doc().key(), write || link != null ? id.toString() : null, c.title());
                (created.contains(id) && link == null ? r.created : updated.contains(id) ? r.updated : r.unchanged)
                        .add(entry);
                r.notes.addAll(c.mapped().notes());
                if (write) {
                    link(h, source, c, id, link, now, newLinks, kept);
                }
            }
            if (write) {
                repo.insert(h, newLinks);
                r.notes.addAll(documents.keepAll(h, kept, run.actor, now));
            }
        }
        if (write) {
            if (next != null) {
                repo.saveCursor(h, source, run.origin, next, candidates.size(), now.toEpochMilli());
            } else {
                repo.clearCursor(h, source, run.origin);
            }
        }
        return r;
    }

    /** Skips the deleted, reports the unchanged, and turns the rest into import items (in {@code changed}'s order). */
    private static void sort(
            List<Candidate> candidates,
            Map<String, MigrationRepository.Link> links,
            PageResult r,
            List<Candidate> changed,
            List<ImportItem> items) {
        for (int line = 1; line <= candidates.size(); line++) {
            Candidate c = candidates.get(line - 1);
            MigrationRepository.Link link = links.get(c.doc().key());
            if (link != null && link.deletedAt() != null) {
                r.skipped.add(new Skipped(
                        c.doc().key(),
                        "it was " + link.hotfixId() + ", deleted here; a "
                                + "migration does not bring a deleted hotfix back"));
            } else if (link != null
                    && link.mappedSha256().equals(c.mappedSha())
                    && link.docSha256().equals(c.docSha())) {
                r.unchanged.add(new MigrationReport.Entry(c.doc().key(), link.hotfixId(), c.title()));
            } else {
                changed.add(c);
                // The link says which hotfix this source record is: a title and time both changed at the source
                // are an update, not another incident.
                // Its line is its place among the page's candidates, which is how a refusal is traced back to it.
                items.add(new ImportItem(
                        line,
                        link == null ? null : HotfixId.parse(link.hotfixId()),
                        c.mapped().fields().deepCopy(),
                        c.mapped().status(),
                        true,
                        null,
                        true));
            }
        }
    }

    /**
     * Links a stored candidate's source id to its hotfix (a new link is batched into {@code newLinks}) and keeps its
     * document when it is new or changed.
     */
    private void link(
            Handle h,
            String source,
            Candidate c,
            HotfixId id,
            MigrationRepository.Link link,
            Instant now,
            List<MigrationRepository.Link> newLinks,
            List<KeptDocuments.Keep> kept) {
        String url =
                c.doc().url() == null ? null : redactor.redact(c.doc().url()).text();
        MigrationRepository.Link fresh = new MigrationRepository.Link(
                source,
                c.doc().key(),
                id.toString(),
                url,
                c.docSha(),
                c.mappedSha(),
                now.toEpochMilli(),
                now.toEpochMilli(),
                null);
        if (link == null) {
            newLinks.add(fresh);
        } else {
            repo.put(h, fresh);
        }
        if (link == null || !link.docSha256().equals(c.docSha())) {
            kept.add(new KeptDocuments.Keep(id.toString(), c.document()));
        }
    }
}
