package dev.hotfixlog.incoming;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.Fuzzing;

/** Alertmanager's and Grafana's webhook bodies: any body is a batch of alerts or a refusal naming fields. */
class AlertPayloadsFuzzer {
    @FuzzTest(maxDuration = "5s")
    void anyDelivery_isABatchOrARefusal(byte[] input) throws Exception {
        String body = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> AlertPayloads.read(body));
    }
}
