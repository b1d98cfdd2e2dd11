package dev.hotfixlog.security;

import java.util.List;
import java.util.Locale;

/**
 * Member names that say their value is a secret: {@code db_password}, {@code api_key}, {@code clientSecret},
 * {@code auth}. A JSON object (an alert's labels, a Grafana payload) holds a secret under such a name in a form no
 * detector knows ({@code "db_password": "AmLabelPassw0rd"}), so the name alone has it masked. {@code auth} counts
 * only as a whole word of the name ({@code x-auth}, {@code auth_header}), never inside {@code author}.
 */
final class SecretNames {
    private static final List<String> INSIDE = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "api_key",
            "apikey",
            "api-key",
            "private_key",
            "privatekey",
            "credential",
            "authorization");
    /** Below this a value is a placeholder or a flag ({@code "none"}, {@code "yes"}), not a secret. */
    private static final int LEAST_VALUE_CHARS = 4;

    private SecretNames() {}

    /** Whether a value of {@code length} characters under {@code name} is masked whole. */
    static boolean masks(String name, String value) {
        if (value.length() < LEAST_VALUE_CHARS || value.startsWith(Masking.MASKED)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : INSIDE) {
            if (lower.contains(word)) {
                return true;
            }
        }
        int at = lower.indexOf("auth");
        while (at >= 0) {
            int end = at + "auth".length();
            boolean wordStart =
                    at == 0 || !Character.isLetter(lower.charAt(at - 1)) || Character.isUpperCase(name.charAt(at));
            boolean wordEnd = end == lower.length() || !Character.isLowerCase(name.charAt(end));
            if (wordStart && wordEnd) {
                return true;
            }
            at = lower.indexOf("auth", end);
        }
        return false;
    }
}
