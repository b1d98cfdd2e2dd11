package dev.hotfixlog.hotfix;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;

/** {@code HOTFIX-001}, {@code HOTFIX-120}: the number padded to three digits at least. */
public record HotfixId(long number) implements Comparable<HotfixId> {
    private static final Pattern FORM = Pattern.compile("(?i)\\s*(?:HOTFIX-?)?0*(\\d{1,12})\\s*");

    public HotfixId {
        if (number < 1) {
            throw ValidationException.of("id", "must be HOTFIX-001 or above, was number " + number);
        }
    }

    /** Reads {@code HOTFIX-7}, {@code hotfix-007} or {@code 7}; anything else is a bad id naming the input. */
    public static HotfixId parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw ValidationException.of(
                    "id", "'" + text + "' is not a hotfix id; expected HOTFIX-NNN, e.g. HOTFIX-001");
        }
        return new HotfixId(Long.parseLong(m.group(1)));
    }

    /**
     * An id taken from a URL path: anything that is not an id is a page that does not exist (404), not bad
     * input. Used by every route with {@code {id}} in its path.
     */
    public static HotfixId fromPath(String text) {
        try {
            return parse(text);
        } catch (ValidationException e) {
            throw new NotFoundException("no hotfix '" + text + "'; ids look like HOTFIX-001");
        }
    }

    /** Padded to three digits. Not String.format: ids are written thousands of times in an import. */
    @Override
    public String toString() {
        String digits = Long.toString(number);
        return digits.length() >= 3 ? "HOTFIX-" + digits : "HOTFIX-" + "00".substring(digits.length() - 1) + digits;
    }

    @Override
    public int compareTo(HotfixId o) {
        return Long.compare(number, o.number);
    }
}
