package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.FuzzServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The multipart reader (the guard's form read, {@code Requests.files}) on every route that takes a form or a file.
 * The input's first byte picks the route, its first line is the Content-Type's parameters after
 * {@code multipart/form-data} (the boundary, quoted or not, repeated, missing), the rest is the body.
 */
@Tag("slow")
class MultipartFuzzer {
    /** Every route that reads a form or files (the page routes and the API's uploads), and two that read JSON. */
    static final List<String> ROUTES = List.of(
            "POST /api/v1/hotfixes/HOTFIX-001/attachments",
            "POST /hotfixes/HOTFIX-001/attachments",
            "POST /hotfixes/new",
            "POST /hotfixes/HOTFIX-001/sections/when",
            "POST /hotfixes/HOTFIX-001/checklist",
            "POST /hotfixes/HOTFIX-001/events",
            "POST /hotfixes/HOTFIX-001/announce/stakeholder",
            "POST /hotfixes/HOTFIX-001/deploys/cause",
            "POST /account/password",
            "POST /attachments/1/delete",
            "POST /incoming/ALERT-1/dismiss",
            "POST /lessons",
            "POST /lessons/check",
            "POST /lessons/LESSON-001",
            "POST /lessons/LESSON-001/attachments",
            "POST /api/v1/lessons/LESSON-001/attachments",
            "POST /risks/1/mitigate",
            "POST /risks/1/reaccept",
            "POST /risks/1/retire",
            "POST /search/similar",
            "POST /sign-in",
            "POST /sign-out",
            "POST /api/v1/hotfixes",
            "POST /api/v1/import");

    @BeforeAll
    static void startTheServer() {
        FuzzServer.start();
    }

    @FuzzTest(maxDuration = "6s")
    void anyMultipartBody_isAnsweredWithoutA5xx(byte[] input) throws Exception {
        String route = ROUTES.get(input.length == 0 ? 0 : (input[0] & 0xff) % ROUTES.size());
        String rest = new String(input, StandardCharsets.ISO_8859_1);
        int eol = rest.indexOf('\n');
        String params = eol < 0 ? rest.substring(Math.min(1, rest.length())) : rest.substring(Math.min(1, eol), eol);
        String body = eol < 0 ? "" : rest.substring(eol + 1);
        String request =
                route + "\nContent-Type: multipart/form-data" + params.replaceAll("[^\\x20-\\x7e]", "") + "\n\n" + body;
        assertThat(FuzzServer.send(request.getBytes(StandardCharsets.ISO_8859_1)))
                .as(request)
                .isBetween(100, 499);
    }
}
