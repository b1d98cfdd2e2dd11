package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's promises that code can check: its configuration table and its two commands. */
class ReadmeTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void configurationTable_hasARowForEverySettingWithItsDefaultAndFlag() throws Exception {
        String readme = readme();
        for (Setting s : Setting.values()) {
            String row = readme.lines()
                    .filter(l -> l.startsWith("| `" + s.envName() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("README has no configuration row for " + s.envName()));
            assertThat(row)
                    .as(s.envName())
                    .contains(s.flag() == null ? "| |" : "`" + s.flag() + "`")
                    .contains(s.defaultValue().isEmpty() ? "*(" : "`" + s.defaultValue() + "`");
        }
    }

    @Test
    void theTwoCommands_areThere() throws Exception {
        assertThat(readme()).contains("./hotfix serve", "mvn -B verify");
    }
}
