package dev.hotfixlog.web;

import dev.hotfixlog.text.Split;
import java.util.List;
import java.util.Locale;

/**
 * Which of the types a route offers the request's {@code Accept} header prefers (RFC 9110 §12.5.1): the highest
 * quality wins, a type named exactly outranks {@code type/*}, which outranks {@code *}{@code /*}; {@code q=0}
 * means "not this one". Ties, and a request without the header, go to the first type offered (the route's
 * default). Read by hand in one pass per range: the header is a client's text.
 */
public final class Accept {
    private Accept() {}

    /** The offered type the header prefers, or null when it refuses every one of them. */
    public static String preferred(String header, List<String> offered) {
        if (header == null || header.isBlank()) {
            return offered.get(0);
        }
        String best = null;
        double bestQuality = 0;
        for (String type : offered) {
            double q = quality(header, type);
            if (q > bestQuality) {
                best = type;
                bestQuality = q;
            }
        }
        return best;
    }

    /** The quality the header gives {@code type}: that of its most specific range naming it, 0 if none does. */
    static double quality(String header, String type) {
        int slash = type.indexOf('/');
        String major = type.substring(0, slash);
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : Split.on(header, ",", -1)) {
            String[] parts = Split.on(range, ";", -1);
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = name.equals(type) ? 2 : name.equals(major + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qualityOf(parts);
            }
        }
        return quality;
    }

    private static double qualityOf(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0; // a quality that is no number accepts nothing rather than everything
                }
            }
        }
        return 1;
    }
}
