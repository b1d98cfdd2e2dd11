package dev.hotfixlog.notify;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.util.Locale;

/**
 * The messages Hotfix Log sends: the seed's three communication templates, plus the follow-up reminder.
 * {@link #automatic()} says which ones go out on their own (declare, resolve, a follow-up falling due); the
 * stakeholder update is sent when a person decides to.
 */
public enum MessageKind {
    ALERT("Incident Alert", true),
    COMPLETE("Hotfix Complete", true),
    STAKEHOLDER("Stakeholder Update", false),
    REMINDER("Follow-up reminder", true),
    SIGN("Warning sign", true),
    RISK("Accepted risk past review", true);

    private final String label;
    private final boolean automatic;

    MessageKind(String label, boolean automatic) {
        this.label = label;
        this.automatic = automatic;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean automatic() {
        return automatic;
    }

    /** The file a team puts in HOTFIX_TEMPLATES_DIR to replace this template. */
    public String fileName() {
        return json() + ".txt";
    }

    public static MessageKind parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (MessageKind k : values()) {
            if (k.json().equals(t)) {
                return k;
            }
        }
        throw ValidationException.of(
                field,
                SecretRedactor.quoted(text)
                        + " is not a message; use alert, complete, stakeholder, "
                        + "reminder, sign or risk");
    }
}
