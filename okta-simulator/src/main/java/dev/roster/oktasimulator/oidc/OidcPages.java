package dev.roster.oktasimulator.oidc;

import dev.roster.oktasimulator.internal.Html;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The provider's HTML pages, redirect URI rules and redirects back to the client. */
final class OidcPages {
    private OidcPages() {
    }

    /** Exact match against registered URIs; when none are registered, any http(s) URI (documented leniency). */
    static boolean redirectAllowed(String uri, List<String> registered) {
        if (uri == null) {
            return false;
        }
        if (!registered.isEmpty()) {
            return registered.contains(uri);
        }
        try {
            URI parsed = URI.create(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && parsed.getHost() != null && parsed.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String signInPage(String tx, String username, String error) {
        return Html.page("Sign In", "<h1>Sign In</h1>"
                + (error == null ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>")
                + "<form method=\"post\" action=\"/login/signin\"><input type=\"hidden\" name=\"tx\" value=\""
                + Html.esc(tx) + "\"><p><label>Username <input type=\"text\" name=\"username\" value=\""
                + Html.esc(username) + "\" autofocus></label></p><p><label>Password <input type=\"password\""
                + " name=\"password\"></label></p><p><button type=\"submit\">Sign In</button></p></form>");
    }

    static String errorPage(String code, String description) {
        return Html.page("Error", "<h1>" + Html.esc(code) + "</h1><p id=\"error-description\">"
                + Html.esc(description) + "</p>");
    }

    /** Builds the redirect back to the client, with state on every answer. */
    record Redirect(String uri, String state) {
        String error(String error, String description) {
            return with("error", error, "error_description", description);
        }

        String with(String... pairs) {
            StringBuilder out = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
            for (int i = 0; i < pairs.length; i += 2) {
                if (i > 0) {
                    out.append('&');
                }
                out.append(pairs[i]).append('=').append(encode(pairs[i + 1]));
            }
            if (state != null) {
                out.append("&state=").append(encode(state));
            }
            return out.toString();
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
