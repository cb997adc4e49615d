package dev.roster.oktasimulator.oidc;

import dev.roster.oktasimulator.OktaUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The user claims Okta puts in ID tokens and userinfo, by scope. */
final class Claims {
    private Claims() {
    }

    static Map<String, Object> user(OktaUser u, Set<String> scopes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", u.id());
        if (scopes.contains("profile")) {
            c.put("name", u.displayName());
            c.put("locale", u.profile().string("locale"));
            c.put("preferred_username", u.login());
            c.put("given_name", u.profile().string("firstName"));
            c.put("middle_name", u.profile().string("middleName"));
            c.put("family_name", u.profile().string("lastName"));
            c.put("nickname", u.profile().string("nickName"));
            c.put("zoneinfo", u.profile().string("timezone"));
            c.put("updated_at", u.lastUpdatedMillis() / 1000);
        }
        if (scopes.contains("email")) {
            c.put("email", u.email());
            c.put("email_verified", true);
        }
        c.values().removeIf(v -> v == null);
        return c;
    }
}
