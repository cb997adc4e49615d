package dev.roster.sso.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The deep link an SSO sign-in returns to ({@code target_link_uri}): only a path of this site, so
 * that the initiate-login URI is never an open redirect. {@code //host}, {@code /\host}, schemes,
 * hosts and control characters are all refused, since browsers read each of them as another site.
 */
public final class TargetLinks {

    private TargetLinks() {
    }

    public static boolean safe(String target) {
        if (target == null || target.isEmpty() || target.length() > 2000 || target.charAt(0) != '/'
                || target.startsWith("//") || target.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
