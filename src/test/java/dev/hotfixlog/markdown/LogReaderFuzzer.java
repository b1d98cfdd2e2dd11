package dev.hotfixlog.markdown;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.Fuzzing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** The Markdown reader: any page is read into entries and line-numbered errors, nothing else. */
class LogReaderFuzzer {
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "5s")
    void anyPage_isReadOrRefused(byte[] input) throws Exception {
        String page = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> LogReader.read(page));
    }
}
