package dev.roster.oktasimulator.oidc;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Ids;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Okta sign-in sessions, kept in the "sid" cookie: a signed-in user is not asked again until logout. */
final class Sessions {
    private static final String COOKIE = "sid";

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Org org;
    private final Clock clock;

    Sessions(Org org, Clock clock) {
        this.org = org;
        this.clock = clock;
    }

    /** The request's session, if its user is still ACTIVE. */
    Session find(Exchange ex) {
        String sid = cookie(ex);
        Session s = sid == null ? null : sessions.get(sid);
        if (s == null) {
            return null;
        }
        OktaUser user = org.user(s.userId());
        return user != null && "ACTIVE".equals(user.status()) ? s : null;
    }

    void start(Exchange ex, String userId, long authTime) {
        if (sessions.size() > 10_000) {
            long now = clock.millis();
            sessions.values().removeIf(s -> now - s.authTime() > 12 * 3_600_000L);
        }
        String sid = Ids.secret(32);
        sessions.put(sid, new Session(userId, authTime));
        ex.addHeader("Set-Cookie", COOKIE + "=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
    }

    /** Ends the request's session and every other session of the user, and clears the cookie. */
    void end(Exchange ex, String userId) {
        String sid = cookie(ex);
        if (sid != null) {
            sessions.remove(sid);
        }
        sessions.values().removeIf(s -> s.userId().equals(userId));
        ex.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    private static String cookie(Exchange ex) {
        String cookies = ex.header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String c = cookie.trim();
            if (c.startsWith(COOKIE + "=")) {
                return c.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    record Session(String userId, long authTime) {
    }
}
