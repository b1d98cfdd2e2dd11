package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `hotfix chat slack manifest`: what a team pastes into Slack's app page, naming this server's chat URLs. */
class ChatManifestCliTest {
    private final CliRunner cli = new CliRunner(Map.of(), MutableClock.at("2026-12-07T03:00:00Z"));

    @Test
    void theManifest_parses_andNamesTheCommandInteractivityShortcutAndScopes() {
        CliRunner.Result r =
                cli.run("chat", "slack", "manifest", "--url", "https://hotfix.example.com/", "--workspace", "acme");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = Json.parseObject(r.out());

        JsonNode command = m.path("features").path("slash_commands").path(0);
        assertThat(command.path("command").asText()).isEqualTo("/hotfix");
        assertThat(command.path("url").asText())
                .isEqualTo("https://hotfix.example.com/api/v1/chat/slack/acme/commands");
        assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean())
                .isTrue();
        assertThat(m.path("settings").path("interactivity").path("request_url").asText())
                .isEqualTo("https://hotfix.example.com/api/v1/chat/slack/acme/interactions");
        JsonNode shortcut = m.path("features").path("shortcuts").path(0);
        assertThat(shortcut.path("type").asText()).isEqualTo("message");
        assertThat(shortcut.path("name").asText()).isEqualTo("Add to hotfix…");
        assertThat(shortcut.path("callback_id").asText()).isEqualTo("add_to_hotfix");
        assertThat(m.path("features").path("bot_user").path("display_name").asText())
                .isEqualTo("Hotfix Log");
        List<String> scopes = new ArrayList<>();
        m.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes)
                .contains(
                        "commands",
                        "chat:write",
                        "users:read",
                        "users:read.email",
                        "channels:manage",
                        "channels:join",
                        "pins:write");
    }

    @Test
    void httpIsTakenForLocalhostOnly() {
        CliRunner.Result local = cli.run("chat", "slack", "manifest", "--url", "http://localhost:8080");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(Json.parseObject(local.out())
                        .path("settings")
                        .path("interactivity")
                        .path("request_url")
                        .asText())
                .isEqualTo("http://localhost:8080/api/v1/chat/slack/slack/interactions");
    }

    @Test
    void aBadUrl_exitsTwo_namingTheOption() {
        for (String bad :
                new String[] {"http://hotfix.example.com", "ftp://hotfix.example.com", "not a url", "https://"}) {
            CliRunner.Result r = cli.run("chat", "slack", "manifest", "--url", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).startsWith("error: --url: ");
            assertThat(r.out()).as(bad).isEmpty();
        }
        CliRunner.Result missing = cli.run("chat", "slack", "manifest");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--url");
        CliRunner.Result name =
                cli.run("chat", "slack", "manifest", "--url", "https://h.example", "--workspace", "A B");
        assertThat(name.code()).isEqualTo(2);
        assertThat(name.err()).startsWith("error: --workspace: ");
    }

    @Test
    void aNameSlackWouldRefuse_exitsTwo_namingTheOptionAndTheLimit() {
        String tooLong = "H".repeat(36);
        CliRunner.Result r = cli.run("chat", "slack", "manifest", "--url", "https://h.example", "--name", tooLong);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --name: ").contains("35 characters");
        assertThat(r.out()).isEmpty();
        CliRunner.Result blank = cli.run("chat", "slack", "manifest", "--url", "https://h.example", "--name", " ");
        assertThat(blank.code()).isEqualTo(2);
        CliRunner.Result fits =
                cli.run("chat", "slack", "manifest", "--url", "https://h.example", "--name", "H".repeat(35));
        assertThat(fits.code()).isZero();
        assertThat(fits.out()).contains("\"" + "H".repeat(35) + "\"");
    }
}
