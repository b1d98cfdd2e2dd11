package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The blameless filter on a labelled set of real-shaped sentences (src/test/resources/blameless/labelled.tsv):
 * recall of the marked names, and the count of ordinary words it changed. Measured word by word: the filter's
 * output and the expected text are aligned (longest common subsequence of words); an expected "someone" left
 * unmatched is a missed name, any other expected word left unmatched is an ordinary word the filter changed.
 */
class BlamelessLabelledTest {
    private static final Pattern MARK = Pattern.compile("\\[([^\\]]+)\\]|\\{([^}]+)\\}");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    record Row(List<String> people, String text, String expected, int names) {}

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line :
                Files.readAllLines(Path.of("src/test/resources/blameless/labelled.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            Matcher m = MARK.matcher(cols[1]);
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int last = 0;
            int names = 0;
            while (m.find()) {
                text.append(cols[1], last, m.start());
                expected.append(cols[1], last, m.start());
                if (m.group(1) != null) {
                    text.append(m.group(1));
                    expected.append(Blameless.PERSON);
                } else {
                    text.append(m.group(2));
                    expected.append(Blameless.EMAIL);
                }
                names++;
                last = m.end();
            }
            text.append(cols[1].substring(last));
            expected.append(cols[1].substring(last));
            out.add(new Row(Arrays.asList(cols[0].split(";")), text.toString(), expected.toString(), names));
        }
        return out;
    }

    @Test
    void theLabelledSet_losesNoName_andChangesNoOrdinaryWord() throws IOException {
        int planted = 0;
        int missed = 0;
        int wrong = 0;
        List<String> failures = new ArrayList<>();
        for (Row r : rows()) {
            String actual = Blameless.of(r.people()).scrub(r.text());
            List<String> exp = words(r.expected());
            List<String> act = words(actual);
            boolean[] kept = alignedExpected(exp, act);
            int rowMissed = 0;
            int rowWrong = 0;
            for (int i = 0; i < exp.size(); i++) {
                if (!kept[i]) {
                    if (exp.get(i).contains(Blameless.PERSON) || exp.get(i).contains("[e-mail")) {
                        rowMissed++;
                    } else {
                        rowWrong++;
                    }
                }
            }
            planted += r.names();
            missed += Math.min(rowMissed, r.names());
            wrong += rowWrong;
            if (!actual.equals(r.expected())) {
                failures.add(r.text() + "\n   expected: " + r.expected() + "\n   got:      " + actual);
            }
        }
        double recall = planted == 0 ? 1 : 1.0 - (double) missed / planted;
        System.out.printf(
                "blameless labelled set: %d names planted, recall %.1f%%, %d ordinary words changed%n",
                planted, 100 * recall, wrong);
        assertThat(failures).as("rows whose output is not the expected text").isEmpty();
        assertThat(recall).isEqualTo(1.0);
        assertThat(wrong).isZero();
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s.replace(Blameless.EMAIL, "[e-mail-removed]"));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Which expected words the actual output keeps, by a longest common subsequence of the two. */
    private static boolean[] alignedExpected(List<String> exp, List<String> act) {
        int[][] l = new int[exp.size() + 1][act.size() + 1];
        for (int i = exp.size() - 1; i >= 0; i--) {
            for (int j = act.size() - 1; j >= 0; j--) {
                l[i][j] = exp.get(i).equals(act.get(j)) ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
            }
        }
        boolean[] kept = new boolean[exp.size()];
        int i = 0;
        int j = 0;
        while (i < exp.size() && j < act.size()) {
            if (exp.get(i).equals(act.get(j))) {
                kept[i++] = true;
                j++;
            } else if (l[i + 1][j] >= l[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }
}
