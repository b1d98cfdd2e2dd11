package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.web.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the identity provider's groups to a role: {@code sre-leads=admin,oncall=responder,*=viewer}. The highest
 * role among the user's groups wins; {@code *} is the role of anyone the provider vouches for. With no match
 * and no {@code *}, the user gets no access at all.
 */
final class OidcRoles {
    private static final Pattern COMMA = Pattern.compile(",");
    private final Map<String, Role> byGroup = new LinkedHashMap<>();

    OidcRoles(String spec) {
        for (String part : COMMA.split(spec)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw ValidationException.of("HOTFIX_OIDC_ROLES", "'" + part.strip() + "' is not group=role");
            }
            byGroup.put(
                    part.substring(0, eq).strip(), Role.parseGrantable("HOTFIX_OIDC_ROLES", part.substring(eq + 1)));
        }
    }

    Optional<Role> roleOf(Collection<String> groups) {
        Role best = byGroup.get("*");
        for (String g : groups) {
            Role r = byGroup.get(g);
            if (r != null && (best == null || r.covers(best))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
