package dev.hotfixlog.deploy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Fuzzing;
import org.junit.jupiter.api.Tag;

/** A deploy marker (the API's and a pipeline's) and GitHub's deployment_status event: a marker or a refusal. */
@Tag("slow")
class DeployPayloadsFuzzer {
    @FuzzTest(maxDuration = "5s")
    void anyDeployBody_isAMarkerOrARefusal(byte[] input) throws Exception {
        String text = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> {
            ObjectNode body = Json.parseObject(text);
            Fuzzing.refusesOnlyWithOwnErrors(() -> DeployJson.readMarker(body));
            Fuzzing.refusesOnlyWithOwnErrors(() -> GitHubDeployments.marker(body, "delivery-1"));
        });
    }
}
