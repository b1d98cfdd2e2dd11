package dev.hotfixlog.incoming;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.Fuzzing;
import org.junit.jupiter.api.Tag;

/** Alertmanager's and Grafana's webhook bodies: any body is a batch of alerts or a refusal naming fields. */
@Tag("slow")
class AlertPayloadsFuzzer {
    @FuzzTest(maxDuration = "5s")
    void anyDelivery_isABatchOrARefusal(byte[] input) throws Exception {
        String body = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> AlertPayloads.read(body));
    }
}
