package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document describes exactly the API routes the server registers (everything under
 * {@code /api/} and {@code /health}; pages are not API), and every editable field.
 */
class OpenApiTest {
    @Test
    void everyRegisteredRoute_isDocumented_andNothingElse() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            JsonNode doc = s.http().get("/api/v1/openapi.json").json();
            List<String> documented = new ArrayList<>();
            doc.path("paths")
                    .fields()
                    .forEachRemaining(p -> p.getValue()
                            .fieldNames()
                            .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            List<String> served = s.server().routes().stream()
                    .filter(r -> r.contains(" /api/") || r.endsWith(" /health"))
                    .toList();

            assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
            List<String> inputFields = new ArrayList<>();
            doc.path("components")
                    .path("schemas")
                    .path("HotfixInput")
                    .path("properties")
                    .fieldNames()
                    .forEachRemaining(inputFields::add);
            assertThat(inputFields).containsExactlyElementsOf(HotfixJson.EDITABLE_FIELDS);
        }
    }
}
