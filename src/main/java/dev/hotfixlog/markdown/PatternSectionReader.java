package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Hotfix Patterns & Prevention" section's two lists as a page gives them: its emergency types and warning
 * signs, each a list item of the template's shape. A list the page does not have stays null (the stored one is
 * kept); the template's unfilled row adds nothing.
 */
final class PatternSectionReader {
    private static final Pattern TYPE_ROW = Pattern.compile(
            "(?i)^type[[:space:]]*\\d*[[:space:]]*:[[:space:]]*(.*?)[[:space:]]+[-–—][[:space:]]+prevention[[:space:]]*:[[:space:]]*(.*)$");
    private static final Pattern SIGN_ROW = Pattern.compile(
            "(?i)^signal[[:space:]]*\\d*[[:space:]]*:[[:space:]]*(.*?)[[:space:]]*(?:→|->|=>|[-–—])[[:space:]]*threshold[[:space:]]*:[[:space:]]*(.*)$");
    private static final Pattern EXAMPLE_OPENING = Pattern.compile("^\\[e\\.g\\.,?[[:space:]]*");

    private final PageLines page;
    private List<EmergencyType> types;
    private List<WarningSign> signs;

    PatternSectionReader(PageLines page) {
        this.page = page;
    }

    /** The page has a "Common Emergency Types" list (perhaps empty). */
    void typesFound() {
        if (types == null) {
            types = new ArrayList<>();
        }
    }

    /** The page has a "Warning Signs" list (perhaps empty). */
    void signsFound() {
        if (signs == null) {
            signs = new ArrayList<>();
        }
    }

    List<EmergencyType> types() {
        return types;
    }

    List<WarningSign> signs() {
        return signs;
    }

    /** Takes the rows a later piece of the page read, after this one's. */
    void append(PatternSectionReader next) {
        types = types == null ? next.types : next.types == null ? types : concat(types, next.types);
        signs = signs == null ? next.signs : next.signs == null ? signs : concat(signs, next.signs);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        a.addAll(b);
        return a;
    }

    /** A list item at line {@code i} under the types ({@code sub} "types") or the signs ("signs"). */
    void row(int i, String sub, String item) {
        String plain = item.replace("**", "").strip();
        Matcher m = (sub.equals("types") ? TYPE_ROW : SIGN_ROW).matcher(plain);
        if (!m.matches()) {
            page.error(
                    i,
                    sub.equals("types")
                            ? "an emergency type reads: - **Type 1:** what - **Prevention:** how"
                            : "a warning sign reads: - **Signal 1:** metric → **Threshold:** when to act");
            return;
        }
        String a = ValueText.inline(EXAMPLE_OPENING.matcher(m.group(1)).replaceFirst("["));
        String b = ValueText.inline(m.group(2));
        if (a == null) {
            if (b != null) {
                page.error(
                        i, sub.equals("types") ? "an emergency type needs a name" : "a warning sign needs its signal");
            }
            return; // the template's unfilled row
        }
        if (sub.equals("types")) {
            types.add(new EmergencyType(a, b));
        } else {
            signs.add(new WarningSign(a, b));
        }
    }
}
