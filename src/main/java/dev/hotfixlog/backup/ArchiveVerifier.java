package dev.hotfixlog.backup;

import dev.hotfixlog.error.ValidationException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The check of an archive against its own manifest, and how two manifests differ; needs no log. */
final class ArchiveVerifier {
    private ArchiveVerifier() {}

    /** Reads an archive through and checks every table against its own hash and the manifest. */
    static Manifest verify(InputStream in) {
        Map<String, Manifest.TableSum> seen = new LinkedHashMap<>();
        Manifest[] stated = new Manifest[1];
        int version = ArchiveReader.read(in, new ArchiveReader.Listener() {
            @Override
            public void table(String name, List<TableShape.Column> columns) {}

            @Override
            public void rows(String name, List<Object[]> rows) {}

            @Override
            public void end(String name, Manifest.TableSum sum) {
                seen.put(name, sum);
            }

            @Override
            public void manifest(Manifest m) {
                stated[0] = m;
            }
        });
        Manifest actual = new Manifest(version, seen);
        if (stated[0] == null) {
            throw ValidationException.of("archive", "has no manifest: it was cut short");
        }
        if (!stated[0].equals(actual)) {
            throw ValidationException.of("archive", "does not match its manifest: " + difference(stated[0], actual));
        }
        return actual;
    }

    /** What differs between two manifests, table by table, in words. */
    static String difference(Manifest expected, Manifest actual) {
        List<String> out = new ArrayList<>();
        if (expected.schemaVersion() != actual.schemaVersion()) {
            out.add("schema version " + expected.schemaVersion() + " vs " + actual.schemaVersion());
        }
        Set<String> names = new TreeSet<>(expected.tables().keySet());
        names.addAll(actual.tables().keySet());
        for (String n : names) {
            Manifest.TableSum a = expected.tables().get(n);
            Manifest.TableSum b = actual.tables().get(n);
            if (!Objects.equals(a, b)) {
                out.add(n + ": " + (a == null ? "absent" : a.rows() + " rows") + " vs "
                        + (b == null ? "absent" : b.rows() + " rows")
                        + (a != null && b != null && a.rows() == b.rows() ? " (other content)" : ""));
            }
        }
        return String.join("; ", out);
    }
}
