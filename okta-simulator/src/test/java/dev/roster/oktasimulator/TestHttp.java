package dev.roster.oktasimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: calls the simulator as any Okta client would. */
final class TestHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final OktaSimulator sim;

    TestHttp(OktaSimulator sim) {
        this.sim = sim;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, "SSWS " + sim.apiToken());
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, "SSWS " + sim.apiToken());
    }

    HttpResponse<String> send(String method, String path, String json, String authorization) {
        String url = path.startsWith("http") ? path : sim.orgUrl() + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    HttpResponse<String> form(String path, String form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.orgUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(HttpResponse<String> response) {
        return JSON.readValue(response.body(), List.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The n-th generated user (generated users have an employeeNumber; users made by tests do not). */
    static OktaUser generated(OktaSimulator sim, int n) {
        return sim.org().users().stream().filter(u -> u.profile().get("employeeNumber") != null).skip(n)
                .findFirst().orElseThrow();
    }

    /** Rate-limit windows are calendar minutes: start a counting test well inside one. */
    static void awayFromMinuteBoundary() {
        while (System.currentTimeMillis() % 60_000 > 52_000) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String nextLink(HttpResponse<String> response) {
        for (String link : response.headers().allValues("Link")) {
            if (link.endsWith("rel=\"next\"")) {
                return link.substring(1, link.indexOf('>'));
            }
        }
        return null;
    }
}
