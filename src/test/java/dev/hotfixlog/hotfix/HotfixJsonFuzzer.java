package dev.hotfixlog.hotfix;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.web.EventJson;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.Fuzzing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * The JSON readers: {@code Json.parseObject}, a record read from a body ({@code HotfixJson.read}), the same body
 * as a merge patch on a stored record, and a lifecycle event. Any body is a record or a refusal naming fields.
 */
@Tag("slow")
class HotfixJsonFuzzer {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final HotfixJson.Identity IDENTITY =
            new HotfixJson.Identity(new HotfixId(1), Status.ACTIVE, 1, NOW, NOW, List.of());
    private static final Hotfix STORED = HotfixJson.read(
            Json.parseObject("{\"title\":\"Checkout 502\","
                    + "\"severity\":\"critical\",\"detectedAt\":\"2026-12-07T02:00:00Z\",\"followUps\":{\"postmortem\":"
                    + "{\"done\":false}}}"),
            IDENTITY);

    @FuzzTest(maxDuration = "5s")
    void anyBody_isARecordOrARefusal(byte[] input) throws Exception {
        String text = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> {
            ObjectNode body = Json.parseObject(text);
            Fuzzing.refusesOnlyWithOwnErrors(() -> HotfixJson.read(body.deepCopy(), IDENTITY));
            Fuzzing.refusesOnlyWithOwnErrors(() -> {
                HotfixJson.checkReadOnly(body, STORED);
                HotfixJson.read(MergePatch.of(body).applyTo(HotfixJson.editable(STORED)), IDENTITY);
            });
            Fuzzing.refusesOnlyWithOwnErrors(() -> EventJson.read(body));
        });
    }
}
