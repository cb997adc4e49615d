package dev.roster.okta.internal;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.roster.okta.AppUserPage;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClientProperties;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link OktaApi} over Spring's {@code RestClient}. Every call: take a rate-limit permit, send with
 * a time-out, note the {@code X-Rate-Limit-*} headers; on 429 wait for the reset and try again; on
 * 5xx or a time-out back off (exponential, full jitter) up to the attempt cap.
 */
public class RestOktaApi implements OktaApi {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private record Answer(int status, HttpHeaders headers, String body) {
    }

    private final OktaConnection connection;
    private final RateLimitGovernor governor;
    private final ServiceAppTokens tokens;
    private final JsonMapper json;
    private final OktaClientProperties properties;
    private final Sleeper sleeper;
    private final RestClient http;

    public RestOktaApi(OktaConnection connection, RateLimitGovernor governor, ServiceAppTokens tokens, JsonMapper json,
            OktaClientProperties properties, Sleeper sleeper, RestClient http) {
        this.connection = connection;
        this.governor = governor;
        this.tokens = tokens;
        this.json = json;
        this.properties = properties;
        this.sleeper = sleeper;
        this.http = http;
    }

    @Override
    public Optional<OktaUser> user(String userId) {
        Answer answer = get(url("/api/v1/users/{id}", userId), "users/id");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(user(read(answer)));
    }

    @Override
    public Map<String, OktaUser> usersById(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        if (userIds.size() > MAX_IDS_PER_SEARCH) {
            throw new IllegalArgumentException("at most " + MAX_IDS_PER_SEARCH + " ids per search");
        }
        String search = userIds.stream().map(id -> "id eq " + quoted(id)).collect(Collectors.joining(" or "));
        URI uri = UriComponentsBuilder.fromUriString(connection.orgUrl() + "/api/v1/users")
                .queryParam("search", "{search}").queryParam("limit", userIds.size())
                .encode().buildAndExpand(search).toUri();
        JsonNode users = read(get(uri, "users/list"));
        Map<String, OktaUser> found = new LinkedHashMap<>();
        for (JsonNode node : users) {
            OktaUser user = user(node);
            found.put(user.id(), user);
        }
        return found;
    }

    @Override
    public Optional<OktaUser> userByEmail(String email) {
        String search = "profile.email eq " + quoted(email);
        URI uri = UriComponentsBuilder.fromUriString(connection.orgUrl() + "/api/v1/users")
                .queryParam("search", "{search}").queryParam("limit", 2)
                .encode().buildAndExpand(search).toUri();
        JsonNode users = read(get(uri, "users/list"));
        return users.isArray() && !users.isEmpty() ? Optional.of(user(users.get(0))) : Optional.empty();
    }

    @Override
    public boolean isAssigned(String appId, String userId) {
        Answer answer = get(url("/api/v1/apps/{app}/users/{user}", appId, userId), "apps");
        if (answer.status() == 404) {
            return false;
        }
        read(answer);
        return true;
    }

    @Override
    public AppUserPage appUsers(String appId, String next, int limit) {
        URI uri = next != null ? URI.create(next)
                : UriComponentsBuilder.fromUriString(connection.orgUrl() + "/api/v1/apps/{app}/users")
                        .queryParam("limit", limit).queryParam("expand", "user").buildAndExpand(appId).encode().toUri();
        if (next != null && !sameOrigin(uri)) {
            throw new OktaApiException(0, null, "Okta's next-page link points outside the org: refusing to follow it");
        }
        Answer answer = get(uri, "apps");
        if (answer.status() == 404) {
            throw new OktaApiException(404, "E0000007", "The Okta app " + appId + " was not found: check the client id");
        }
        JsonNode page = read(answer);
        List<OktaUser> users = new ArrayList<>(page.size());
        for (JsonNode appUser : page) {
            JsonNode embedded = appUser.path("_embedded").path("user");
            users.add(embedded.isMissingNode() ? new OktaUser(appUser.path("id").asString(), null, Map.of(), null)
                    : user(embedded));
        }
        return new AppUserPage(users, nextLink(answer.headers()));
    }

    @Override
    public long rateLimitWaits() {
        return governor.waits();
    }

    /** A string literal of Okta's search syntax. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private URI url(String path, Object... variables) {
        return UriComponentsBuilder.fromUriString(connection.orgUrl() + path).buildAndExpand(variables).encode().toUri();
    }

    private boolean sameOrigin(URI uri) {
        URI org = URI.create(connection.orgUrl());
        return org.getScheme().equals(uri.getScheme()) && org.getAuthority().equals(uri.getAuthority());
    }

    private Answer get(URI uri, String bucket) {
        int failures = 0;
        int rateWaits = 0;
        while (true) {
            governor.acquire(bucket);
            Answer answer;
            try {
                answer = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization())
                        .header(HttpHeaders.ACCEPT, "application/json")
                        .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                                response.getHeaders(),
                                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
            } catch (ResourceAccessException | UncheckedIOException e) {
                governor.released(bucket);
                if (++failures >= properties.maxAttempts()) {
                    throw new OktaApiException("Okta did not answer " + uri.getPath() + " after " + failures
                            + " attempts: " + rootMessage(e), e);
                }
                backOff(failures);
                continue;
            }
            HttpHeaders h = answer.headers();
            governor.observe(bucket, h.getFirst("X-Rate-Limit-Limit"), h.getFirst("X-Rate-Limit-Remaining"),
                    h.getFirst("X-Rate-Limit-Reset"));
            if (answer.status() == 429) {
                if (++rateWaits > properties.maxRateWaits()) {
                    throw error(answer, "Okta kept answering 429 (rate limit)");
                }
                governor.rejected(bucket, h.getFirst("X-Rate-Limit-Reset"));
                continue;
            }
            if (answer.status() >= 500) {
                if (++failures >= properties.maxAttempts()) {
                    throw error(answer, "Okta answered " + answer.status() + " " + failures + " times");
                }
                backOff(failures);
                continue;
            }
            if (answer.status() == 401 && tokens != null && failures == 0) {
                tokens.forget();
                failures++;
                continue;
            }
            if (answer.status() >= 400 && answer.status() != 404) {
                throw error(answer, "Okta refused " + uri.getPath());
            }
            return answer;
        }
    }

    private void backOff(int failures) {
        long cap = Math.min(properties.maxBackoff().toMillis(),
                properties.backoff().toMillis() * (1L << Math.min(failures, 16)));
        sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1)));
    }

    private String authorization() {
        return tokens != null ? "Bearer " + tokens.token() : "SSWS " + connection.apiToken().reveal();
    }

    private JsonNode read(Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new OktaApiException(answer.status(), null, "Okta's answer was not JSON");
        }
    }

    private OktaApiException error(Answer answer, String what) {
        String code = null;
        String summary = null;
        try {
            JsonNode body = json.readTree(answer.body());
            code = body.path("errorCode").asString(null);
            summary = body.path("errorSummary").asString(null);
        } catch (RuntimeException e) {
            // not an Okta error body; the status says enough
        }
        return new OktaApiException(answer.status(), code,
                what + " (HTTP " + answer.status() + (code == null ? "" : ", " + code) + (summary == null ? "" : ": " + summary) + ")");
    }

    private static String nextLink(HttpHeaders headers) {
        for (String link : headers.getOrEmpty(HttpHeaders.LINK)) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private OktaUser user(JsonNode node) {
        Map<String, Object> profile = new LinkedHashMap<>();
        node.path("profile").properties().forEach(e -> profile.put(e.getKey(), value(e.getValue())));
        String updated = node.path("lastUpdated").asString(null);
        return new OktaUser(node.path("id").asString(), node.path("status").asString(null), profile,
                updated == null ? null : Instant.parse(updated));
    }

    private static Object value(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asString()));
            return values;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof HttpTimeoutException ? "timed out" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

}
