package dev.hotfixlog.markdown;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.Fuzzing;
import org.junit.jupiter.api.Tag;

/** The Markdown reader: any page is read into entries and line-numbered errors, nothing else. */
@Tag("slow")
class LogReaderFuzzer {
    @FuzzTest(maxDuration = "5s")
    void anyPage_isReadOrRefused(byte[] input) throws Exception {
        String page = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(() -> LogReader.read(page));
    }
}
