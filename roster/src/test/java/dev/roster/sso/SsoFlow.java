package dev.roster.sso;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Drives one browser's OIDC sign-in by hand: Roster's pages through MockMvc with one session, the
 * identity provider over real HTTP (Roster itself calls the provider's token and keys endpoints).
 */
final class SsoFlow {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final MockMvc mvc;
    MockHttpSession session = new MockHttpSession();
    /** The provider's authorize URL Roster sent the browser to. */
    URI authorize;

    SsoFlow(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** {@code GET /sso/okta/{key}/start?…}, then Spring's authorization redirect; returns the provider's URL. */
    URI start(String key, String query) throws Exception {
        MvcResult started = mvc.perform(get("/sso/okta/" + key + "/start" + (query == null ? "" : "?" + query))
                .session(session)).andReturn();
        String next = started.getResponse().getRedirectedUrl();
        if (next == null || !next.startsWith("/oauth2/authorization/")) {
            throw new AssertionError("start did not hand over to the authorization redirect: "
                    + started.getResponse().getStatus() + " " + next);
        }
        // as a URI: a string would be taken as a template and encoded a second time
        MvcResult redirected = mvc.perform(get(URI.create(next)).session(session)).andReturn();
        authorize = URI.create(redirected.getResponse().getRedirectedUrl());
        return authorize;
    }

    URI start(String key) throws Exception {
        return start(key, null);
    }

    /** The simulator signs {@code loginHint} in without a form (auto-login); returns its redirect back to Roster. */
    URI authorizeAs(String loginHint) throws Exception {
        String separator = authorize.toString().contains("login_hint=") ? "" : "&login_hint="
                + java.net.URLEncoder.encode(loginHint, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(authorize + separator)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect from authorize: " + response.statusCode() + " "
                        + response.body()));
        return URI.create(location);
    }

    /** Delivers the provider's answer to Roster's callback in this browser's session. */
    MvcResult callback(URI callback) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(callback.getRawPath() + "?" + callback.getRawQuery()))
                .session(session)).andReturn();
        if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
            session = current;
        }
        return result;
    }

    /** start + authorizeAs + callback. */
    MvcResult signIn(String key, String loginHint) throws Exception {
        start(key);
        return callback(authorizeAs(loginHint));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
