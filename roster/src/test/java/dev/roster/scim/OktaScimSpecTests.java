package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;
import dev.roster.support.LiveServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Okta's "SCIM 2.0 SPEC Test" for app builders, replayed over real HTTP: its 12 requests in order,
 * each with the assertions Okta's test makes (see shared/reference/scim.md), as Okta's client sends
 * them ({@code User-Agent: Okta SCIM Client 1.0.0}, {@code application/json} bodies, filters
 * URL-encoded).
 */
class OktaScimSpecTests extends LiveServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ScimSettings settings;

    @Autowired
    ScimTokens tokens;

    private String base;
    private String token;

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("User-Agent", "Okta SCIM Client 1.0.0").header("Accept", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, "Bearer " + token);
    }

    private static String filter(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ScimFixture.json(response.body());
    }

    @Test
    void specTestWhenReplayedInOrderThenEveryAssertionHolds() throws Exception {
        var account = accounts.create();
        settings.save(account.id(), true, null);
        token = tokens.issue(account.id(), "Okta").token();
        base = baseUrl() + "/scim/v2/" + account.key();
        String seedName = "seed-" + UUID.randomUUID() + "@atko.example";
        assertThat(send("POST", "/Users", user(seedName, "Seed", "User")).statusCode()).isEqualTo(201);

        // 1. GET /Users?count=1&startIndex=1: a list response with one user's required fields.
        HttpResponse<String> first = send("GET", "/Users?count=1&startIndex=1", null);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode list = json(first);
        assertThat(list.get("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("itemsPerPage").isNumber()).isTrue();
        assertThat(list.get("startIndex").isNumber()).isTrue();
        assertThat(list.get("totalResults").isNumber()).isTrue();
        JsonNode listed = list.at("/Resources/0");
        for (String pointer : new String[] {"/id", "/name/familyName", "/name/givenName", "/userName", "/active",
                "/emails/0/value"}) {
            assertThat(listed.at(pointer).isMissingNode()).as(pointer).isFalse();
        }
        String id = listed.get("id").asString();

        // 2. GET /Users/{id}: the same user.
        HttpResponse<String> byId = send("GET", "/Users/" + id, null);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json(byId).get("id").asString()).isEqualTo(id);
        assertThat(json(byId).at("/name/familyName").isMissingNode()).isFalse();

        // 3. An unknown userName: 200 with no results, not 404.
        HttpResponse<String> unknown = send("GET", "/Users?filter=" + filter("userName eq \"" + UUID.randomUUID()
                + "@atko.example\""), null);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(json(unknown).get("totalResults").asInt()).isZero();

        // 4. An unknown id: 404 in the Error schema, with a detail.
        HttpResponse<String> missing = send("GET", "/Users/" + UUID.randomUUID(), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("detail").asString()).isNotBlank();
        assertThat(json(missing).get("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

        // 5. Another unknown userName.
        assertThat(json(send("GET", "/Users?filter=" + filter("userName eq \"" + UUID.randomUUID()
                + "@atko.example\""), null)).get("totalResults").asInt()).isZero();

        // 6. POST /Users: 201, echoing active, the names, userName and an id.
        String name = "okta-" + UUID.randomUUID() + "@atko.example";
        HttpResponse<String> created = send("POST", "/Users", user(name, "Test", "User"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode made = json(created);
        assertThat(made.get("active").booleanValue()).isTrue();
        assertThat(made.at("/name/givenName").asString()).isEqualTo("Test");
        assertThat(made.at("/name/familyName").asString()).isEqualTo("User");
        assertThat(made.get("userName").asString()).isEqualTo(name);
        assertThat(made.get("id").asString()).isNotBlank();

        // 7. GET the new user: the same values.
        JsonNode read = json(send("GET", "/Users/" + made.get("id").asString(), null));
        assertThat(read.get("userName").asString()).isEqualTo(name);
        assertThat(read.at("/name/givenName").asString()).isEqualTo("Test");
        assertThat(read.get("active").booleanValue()).isTrue();

        // 8. The same POST again: 409.
        assertThat(send("POST", "/Users", user(name, "Test", "User")).statusCode()).isEqualTo(409);

        // 9. userName is case-insensitive: the name in capitals finds the user.
        HttpResponse<String> capitals = send("GET", "/Users?filter=" + filter("userName eq \""
                + name.toUpperCase() + "\""), null);
        assertThat(capitals.statusCode()).isEqualTo(200);
        assertThat(json(capitals).get("totalResults").asInt()).isEqualTo(1);

        // 10. GET /Groups: 200 (Okta also times it: under 600 ms).
        long t0 = System.nanoTime();
        HttpResponse<String> groups = send("GET", "/Groups", null);
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms, on an almost empty account").isLessThan(600);

        // 11. A non-token authorization: 401, Error schema, detail, status "401".
        HttpResponse<String> refused = send("GET", "/Users", null, "non-token");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("status").asString()).isEqualTo("401");
        assertThat(json(refused).get("detail").asString()).isNotBlank();

        // 12. An unknown id again: status "404".
        assertThat(json(send("GET", "/Users/" + UUID.randomUUID(), null)).get("status").asString()).isEqualTo("404");
    }

    private static String user(String userName, String given, String family) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},"emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"%s %s","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
                 "password":{"value":"1mz050nq"},"active":true}""".formatted(userName, given, family, userName, given,
                family);
    }
}
