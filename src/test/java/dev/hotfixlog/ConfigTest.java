package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags win over HOTFIX_* variables, which win over the file, which wins over the defaults. */
class ConfigTest {
    @Test
    void defaults_areSqliteUnderHotfixData_onLoopbackPort8080() {
        Config c = Config.resolve(Map.of(), Map.of());
        assertThat(c.dbUrl()).isEqualTo("jdbc:sqlite:hotfix-data/hotfix.db");
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.isRemote()).isFalse();
    }

    @Test
    void precedence_isFlagThenEnvironmentThenFileThenDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotfix.properties");
        Files.writeString(file, "HOTFIX_PORT=7000\nHOTFIX_BIND=0.0.0.0\nHOTFIX_DB_POOL_SIZE=3\n");
        Config c = Config.resolve(
                Map.of(Setting.PORT, "9000"), Map.of("HOTFIX_CONFIG", file.toString(), "HOTFIX_BIND", "10.0.0.1"));
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.bind()).isEqualTo("10.0.0.1");
        assertThat(c.dbPoolSize()).isEqualTo(3);
        assertThat(c.maxRequestBytes()).isEqualTo(2_097_152);
    }

    @Test
    void badValues_failAtStartNamingTheKey() {
        assertThatThrownBy(() -> Config.resolve(Map.of(), Map.of("HOTFIX_PORT", "eighty")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("HOTFIX_PORT: must be a whole number, was 'eighty'");
        assertThatThrownBy(() -> Config.resolve(Map.of(), Map.of("HOTFIX_DB_URL", "jdbc:mysql://x/y")))
                .hasMessage("HOTFIX_DB_URL: must start with jdbc:sqlite: or jdbc:postgresql:, was 'jdbc:mysql://x/y'");
        assertThatThrownBy(() -> Config.resolve(Map.of(), Map.of("HOTFIX_CONFIG", "/no/such/file")))
                .hasMessageStartingWith("HOTFIX_CONFIG: cannot read config file '/no/such/file'");
    }
}
