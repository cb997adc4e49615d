package dev.roster.oktasimulator;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives the authorization-code flow by hand, as a relying party would. */
final class OidcFlow {
    static final String REDIRECT = "http://localhost:9999/login/oauth2/code/okta";
    final String verifier = "verifier-" + java.util.UUID.randomUUID() + "-0123456789abcdef";
    final OktaSimulator sim;
    String base;

    OidcFlow(OktaSimulator sim) {
        this(sim, "/oauth2/v1");
    }

    OidcFlow(OktaSimulator sim, String base) {
        this.sim = sim;
        this.base = base;
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> defaults(String loginHint) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("client_id", sim.clientId());
        p.put("response_type", "code");
        p.put("scope", "openid profile email");
        p.put("redirect_uri", REDIRECT);
        p.put("state", "state-123");
        p.put("nonce", "nonce-456");
        p.put("code_challenge", s256(verifier));
        p.put("code_challenge_method", "S256");
        if (loginHint != null) {
            p.put("login_hint", loginHint);
        }
        return p;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(enc(v)));
        return TestHttp.send(HttpRequest.newBuilder(URI.create(sim.orgUrl() + base + "/authorize" + q)).GET().build());
    }

    /** Signs in the user with --auto-login and returns the code. */
    String code(String loginHint) {
        HttpResponse<String> r = authorize(defaults(loginHint));
        return query(r).get("code");
    }

    HttpResponse<String> token(String code) {
        return token(code, verifier);
    }

    HttpResponse<String> token(String code, String codeVerifier) {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                + (codeVerifier == null ? "" : "&code_verifier=" + enc(codeVerifier));
        String basic = Base64.getEncoder().encodeToString((sim.clientId() + ":" + sim.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return new TestHttp(sim).form(base + "/token", form, "Basic " + basic);
    }

    static Map<String, String> query(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
