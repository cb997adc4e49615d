package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;
import dev.roster.support.LiveServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Hostile bodies and queries at the SCIM edge, over real HTTP: every one gets a 4xx in the Error
 * schema, never a 5xx, and nothing is stored.
 */
class ScimHostileInputTests extends LiveServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ScimSettings settings;

    @Autowired
    ScimTokens tokens;

    private String base;
    private String token;

    @BeforeEach
    void enable() {
        var account = accounts.create();
        settings.save(account.id(), true, null);
        token = tokens.issue(account.id(), "hostile").token();
        base = baseUrl() + "/scim/v2/" + account.key();
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json").method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send("POST", "/Users", HttpRequest.BodyPublishers.ofString(body));
    }

    private void expectRefusedAndNothingStored(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = ScimFixture.json(response.body());
        assertThat(error.get("status").asString()).isEqualTo(String.valueOf(status));
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        HttpResponse<String> list = send("GET", "/Users", HttpRequest.BodyPublishers.noBody());
        assertThat(ScimFixture.json(list.body()).get("totalResults").asInt()).as("users stored").isZero();
    }

    @Test
    void createWhenNestedAHundredThousandDeepThenBadRequest() throws Exception {
        expectRefusedAndNothingStored(post("{\"userName\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"), 400);
    }

    @Test
    void createWhenBodyOverTheSizeLimitThenTooLarge() throws Exception {
        String huge = "{\"userName\":\"big@acme.example\",\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        expectRefusedAndNothingStored(post(huge), 413);
    }

    @Test
    void createWhenAttributesHaveWrongTypesThenBadRequest() throws Exception {
        expectRefusedAndNothingStored(post("{\"userName\":42,\"emails\":[{\"value\":\"a@acme.example\"}]}"), 400);
        expectRefusedAndNothingStored(post("{\"userName\":\"a@acme.example\",\"active\":\"sometimes\"}"), 400);
        expectRefusedAndNothingStored(post("{\"userName\":\"nomail\",\"emails\":\"a@acme.example\"}"), 400);
        expectRefusedAndNothingStored(post("[\"not\",\"an\",\"object\"]"), 400);
        expectRefusedAndNothingStored(post("{\"userName\":\"" + "a".repeat(400) + "@acme.example\"}"), 400);
    }

    @Test
    void listWhenFilterTriesAnInjectionThenItIsOnlyAValue() throws Exception {
        post("{\"userName\":\"real@acme.example\"}");
        for (String filter : new String[] {"userName eq \"x\\\" or \\\"1\\\" eq \\\"1\"",
                "userName eq \"' OR 1=1 --\"", "userName eq \"real@acme.example\"; DROP TABLE person"}) {
            HttpResponse<String> response = send("GET", "/Users?filter=" + java.net.URLEncoder.encode(filter,
                    java.nio.charset.StandardCharsets.UTF_8), HttpRequest.BodyPublishers.noBody());
            assertThat(response.statusCode()).as(filter).isIn(200, 400);
            if (response.statusCode() == 200) {
                assertThat(ScimFixture.json(response.body()).get("totalResults").asInt()).as(filter).isZero();
            }
        }
        HttpResponse<String> still = send("GET", "/Users", HttpRequest.BodyPublishers.noBody());
        assertThat(ScimFixture.json(still.body()).get("totalResults").asInt()).isEqualTo(1);
    }
}
