package dev.hotfixlog.migrate;

import com.google.re2j.Pattern;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The reading side of a migration, run ahead on the reader thread while the page before is stored: each source
 * record's id checked, the record mapped (or why it cannot be), hashed, and its document cleaned for keeping.
 */
final class PageReader {
    private static final Pattern NOT_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]");
    private final Clock clock;
    private final KeptDocuments documents;

    PageReader(Clock clock, KeptDocuments documents) {
        this.clock = clock;
        this.documents = documents;
    }

    /** A page as read: each record mapped (or why it cannot be), its document cleaned for keeping. */
    record Read(SourcePage page, List<Candidate> candidates, List<Skipped> unusable) {}

    Read read(SourcePage page, SeverityTable table, MigrationRequest request) {
        MigrationTool kind = request.source();
        List<Candidate> candidates = new ArrayList<>();
        List<Skipped> unusable = new ArrayList<>();
        String day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        for (SourceDoc d : page.docs()) {
            String refused = SourceKeys.refusal(d.key());
            if (refused != null) { // every source's ids pass here, whatever the source checked itself
                unusable.add(new Skipped(SourceKeys.shown(d.key()), refused));
                continue;
            }
            try {
                Mapped m = Draft.map(kind, table, request, d);
                byte[] bytes = Json.pretty(d.doc()).getBytes(StandardCharsets.UTF_8);
                candidates.add(new Candidate(
                        d,
                        m,
                        Sha256.hex(bytes),
                        Sha256.hex(m.status().json() + "\n" + Json.write(m.fields())),
                        documents.clean(
                                fileName(kind, d.key()),
                                "The " + kind.label() + " " + kind.thing() + " " + d.key() + " as it was read on " + day
                                        + " (hotfix migrate)",
                                bytes)));
            } catch (Draft.Unusable e) {
                unusable.add(new Skipped(d.key(), e.getMessage()));
            }
        }
        return new Read(page, candidates, unusable);
    }

    /** One source record, mapped, with the hashes that tell a changed one from one seen before. */
    record Candidate(SourceDoc doc, Mapped mapped, String docSha, String mappedSha, KeptDocuments.Cleaned document) {
        String title() {
            return mapped.fields().path("title").asText();
        }
    }

    static String fileName(MigrationTool kind, String key) {
        String safe = NOT_FILE_NAME.matcher(key).replaceAll("_");
        return kind.name() + "-" + (safe.length() > 80 ? safe.substring(0, 80) : safe) + ".json";
    }
}
