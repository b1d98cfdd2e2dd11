package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the words of a log mean: a severity as people write it, a follow-up checkbox's kind, a text label. */
final class EntryValues {
    static final Pattern KIND_PREFIX = Pattern.compile("(?i)^(post-?[[:space:]]?mortem( scheduled)?|proper fix( "
            + "planned)?|process improvements?|documentation( updates)?|docs?( updates)?)");

    private EntryValues() {}

    static boolean isText(Label l) {
        return l != Label.DATE_TIME && l != Label.SEVERITY && l != Label.DURATION && l != Label.SYSTEMS;
    }

    static String kindPrefix(String text) {
        Matcher m = KIND_PREFIX.matcher(text.strip());
        return m.find() ? m.group(1) : "";
    }

    static FollowUpKind followUpKind(String label) {
        String l = label.toLowerCase(Locale.ROOT).strip();
        if (l.startsWith("post-mortem") || l.startsWith("postmortem") || l.startsWith("post mortem")) {
            return FollowUpKind.POSTMORTEM;
        }
        if (l.startsWith("proper fix")) {
            return FollowUpKind.PROPER_FIX;
        }
        if (l.startsWith("process improvement")) {
            return FollowUpKind.PROCESS_IMPROVEMENT;
        }
        if (l.startsWith("documentation") || l.startsWith("doc update") || l.startsWith("docs")) {
            return FollowUpKind.DOCUMENTATION;
        }
        return null;
    }

    /** Emoji or word; the template's unfilled "🔴 Critical | 🟡 High | 🔵 Medium" is "unfilled"; null: none. */
    static String severity(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        if (l.contains("🔴") || l.contains("critical")) {
            found.add("critical");
        }
        if (l.contains("🟡") || l.contains("high")) {
            found.add("high");
        }
        if (l.contains("🔵") || l.contains("medium")) {
            found.add("medium");
        }
        return found.size() == 1 ? found.get(0) : found.size() > 1 ? "unfilled" : null;
    }

    /** The one-line form's Follow-up words: "Done", else what the page wrote, else which ones are open. */
    static String followUpStatus(Hotfix h, String written) {
        if (h.followUps().values().stream().allMatch(FollowUp::done)) {
            return "Done";
        }
        if (written != null) {
            return written;
        }
        List<String> open = new ArrayList<>();
        h.followUps().forEach((k, f) -> {
            if (!f.done()) {
                open.add(k.label().toLowerCase(Locale.ROOT));
            }
        });
        return "Open: " + String.join(", ", open);
    }
}
