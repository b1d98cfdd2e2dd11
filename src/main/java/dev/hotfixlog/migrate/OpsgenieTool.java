package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Opsgenie's two tools share: the label, the API's addresses (US and EU), the source ({@link OpsgenieSource},
 * over the API or saved pages), the priorities' severity table and the reading of {@code key:value} tags. The
 * alerts and the incidents differ in what they read and how a record maps.
 */
abstract class OpsgenieTool implements MigrationTool {
    private final boolean incidents;

    OpsgenieTool(boolean incidents) {
        this.incidents = incidents;
    }

    @Override
    public final String label() {
        return "Opsgenie";
    }

    @Override
    public final String defaultOrigin() {
        return "https://api.opsgenie.com";
    }

    @Override
    public final String euOrigin() {
        return "https://api.eu.opsgenie.com";
    }

    @Override
    public final Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper) {
        return request.overHttp()
                ? new OpsgenieSource(request, incidents, sleeper)
                : new SavedPages(request.from(), "data", o -> OpsgenieSource.saved(incidents, o));
    }

    @Override
    public final String severities() {
        return "P1=critical,P2=high,P3=medium,P4=medium,P5=medium,*=medium";
    }

    /** Opsgenie tags of the form {@code key:value} (or {@code key=value}) for any of the keys. */
    static List<String> tagged(JsonNode tags, String... keys) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode t : tags) {
            String s = t.asText("");
            for (String k : keys) {
                String l = s.toLowerCase(Locale.ROOT);
                if ((l.startsWith(k + ":") || l.startsWith(k + "=")) && s.length() > k.length() + 1) {
                    out.add(s.substring(k.length() + 1).strip());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
