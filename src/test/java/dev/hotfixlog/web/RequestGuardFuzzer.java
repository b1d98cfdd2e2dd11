package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.FuzzServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The request guard and every reader behind it, through a real server: a request line, headers (Content-Type with
 * quoted, unbalanced, repeated, empty and unknown parameters; Accept; If-Match) and a body, mutated by Jazzer from
 * the kept inputs in {@code RequestGuardFuzzerInputs/}. Whatever is sent, the answer is not a 5xx.
 */
@Tag("slow")
class RequestGuardFuzzer {
    @BeforeAll
    static void startTheServer() {
        FuzzServer.start();
    }

    @FuzzTest(maxDuration = "6s")
    void anyRequest_isAnsweredWithoutA5xx(byte[] request) throws Exception {
        assertThat(FuzzServer.send(request))
                .as(new String(request, StandardCharsets.ISO_8859_1))
                .isBetween(100, 499);
    }
}
