package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hotfix chat slack manifest}: the app a team pastes into Slack points at this server's chat URLs. */
class ChatManifestCliTest {
    private final CliRunner cli = new CliRunner(Map.of(), MutableClock.at("2026-12-07T02:17:00Z"));

    @Test
    void theSlackManifest_namesTheCommand_theInteractivity_andTheScopes_atTheServersUrls() {
        CliRunner.Result r =
                cli.run("chat", "slack", "manifest", "--url", "https://hotfix.example.com/", "--name", "acme");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = Json.parseObject(r.out());
        JsonNode command = m.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo("/hotfix");
        assertThat(command.path("url").asText())
                .isEqualTo("https://hotfix.example.com/api/v1/chat/slack/acme/commands");
        assertThat(m.path("settings").path("interactivity").path("request_url").asText())
                .isEqualTo("https://hotfix.example.com/api/v1/chat/slack/acme/interactions");
        List<String> scopes = new ArrayList<>();
        m.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).contains("commands", "chat:write", "users:read.email");
    }

    @Test
    void aManifestForAnAddressThatIsNoUrl_isRefusedAsBadInput() {
        CliRunner.Result r = cli.run("chat", "slack", "manifest", "--url", "hotfix.example.com");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--url").contains("http(s)://");
    }
}
