package dev.roster.provisioning.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.provisioning.OktaEvents;
import dev.roster.support.LiveServerTest;
import dev.roster.support.ReliabilityCounts;
import dev.roster.support.ReliabilitySuite;
import dev.roster.support.property.Gen;
import dev.roster.support.property.PropertyCheck;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input at {@code /hooks/okta/{key}}, over real HTTP: generated deliveries (malformed JSON,
 * wrong types, missing fields, truncation, invalid UTF-8, deep nesting, huge values) with right,
 * wrong, missing and partial secrets and unknown accounts, plus a corpus (10,000 events, a body over
 * the size limit, header injection on a raw socket). Every answer is 204 or a 4xx, never a 5xx;
 * nothing is stored for a refused delivery (inbox rows counted before and after); the service
 * still answers its health check afterwards. Provisioning is switched off for the account, so the
 * accepted deliveries' jobs finish at once without calling Okta.
 */
@ReliabilitySuite
class HostileHookTests extends LiveServerTest implements PropertyCheck.Figures {

    private static final String APP_ID = "0oaHOSTILE000000000";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Accounts accountRegistry;

    @Autowired
    OktaConnections connections;

    @Autowired
    JdbcClient jdbc;

    private final ReliabilityCounts counts = ReliabilityCounts.byName();
    private Account account;
    private String secret;

    @BeforeEach
    void connect() {
        account = accountRegistry.create("h" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "Hostile hooks");
        secret = connections.save(account.id(), OktaSettings.builder("http://127.0.0.1:9", APP_ID)
                .clientSecret("client-secret")
                .apiToken("api-token")
                .ssoEnabled(false)
                .provisioningEnabled(false)
                .withholdInvitations(false)
                .build())
                .newHookSecret().reveal();
    }

    // ---- generated cases ----

    /** How the body is made; {@code valid} says what Roster must answer when the secret is right, or null if either. */
    enum Body {
        VALID(true), WRONG_TYPE(null), MISSING_FIELD(null), TRUNCATED(false), RANDOM_BYTES(false),
        INVALID_UTF8(null), DEEP_NESTING(null), HUGE_VALUE(null), NOT_AN_OBJECT(false);

        final Boolean valid;

        Body(Boolean valid) {
            this.valid = valid;
        }
    }

    /** Which credential the request carries; only {@link #RIGHT} (and perhaps {@link #PADDED}) may pass. */
    enum Secret { RIGHT, MISSING, EMPTY, WRONG, PREFIX, SUFFIXED, UPPER_CASED, IN_ANOTHER_HEADER, PADDED }

    record Case(Body body, long seed, Secret secret, boolean unknownAccount, String contentType) {
    }

    static Gen<Case> cases() {
        Gen<Secret> secrets = Gen.frequency(Gen.weight(12, Gen.oneOf(Secret.RIGHT)), Gen.weight(4, Gen.oneOf(Secret.class)));
        Gen<Boolean> unknownAccount = Gen.oneOf(false, false, false, false, false, false, false, false, false, true);
        Gen<String> contentTypes = Gen.oneOf("application/json", "application/json", "application/json", "text/plain",
                "application/xml", "application/json; charset=ISO-8859-1");
        return random -> new Case(Gen.oneOf(Body.class).generate(random), Gen.longs().generate(random),
                secrets.generate(random), unknownAccount.generate(random), contentTypes.generate(random));
    }

    @Test
    void deliverWhenHostileThenAnswered4xxOr204AndNothingStoredWhenRefused(TestInfo test) {
        PropertyCheck.forAll(cases()).tries(1000).check(test, this::answeredAndNothingStoredWhenRefused);
    }

    private void answeredAndNothingStoredWhenRefused(Case c) throws Exception {
        byte[] body = body(c.body(), new Random(c.seed()));
        long deliveriesBefore = rows("okta_hook_delivery");
        long eventsBefore = rows("okta_hook_event");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/okta/"
                + (c.unknownAccount() ? "nobody-" + Long.toHexString(c.seed()) : account.key())))
                .header("Content-Type", c.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        credential(request, c.secret(), new Random(c.seed()));
        long t0 = System.nanoTime();
        int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        counts.add("ms answering, all cases", millis);
        counts.max("ms answering, slowest case", millis);
        counts.add("cases");
        counts.add("answered " + status);
        counts.add("body: " + c.body().name().toLowerCase().replace('_', ' '));

        assertThat(status).as("never a 5xx").isLessThan(500);
        if (c.unknownAccount()) {
            assertThat(status).isEqualTo(404);
        } else if (c.secret() == Secret.PADDED && status == 401) {
            counts.add("padded secret refused");
        } else if (c.secret() != Secret.RIGHT && c.secret() != Secret.PADDED) {
            assertThat(status).isEqualTo(401);
        } else if (Boolean.TRUE.equals(c.body().valid)) {
            assertThat(status).isEqualTo(204);
        } else if (Boolean.FALSE.equals(c.body().valid)) {
            assertThat(status).isEqualTo(400);
        } else {
            assertThat(status).isIn(204, 400);
        }
        long storedDeliveries = rows("okta_hook_delivery") - deliveriesBefore;
        if (status == 204) {
            // One row, or none when a repeated seed replays an eventId Roster has already stored.
            assertThat(storedDeliveries).isLessThanOrEqualTo(1);
            counts.add(storedDeliveries == 0 ? "accepted as a duplicate" : "accepted and stored");
        } else {
            assertThat(storedDeliveries).as("nothing stored for a refused delivery").isZero();
            assertThat(rows("okta_hook_event") - eventsBefore).isZero();
        }
    }

    private void credential(HttpRequest.Builder request, Secret mode, Random random) {
        switch (mode) {
            case RIGHT -> request.header("Authorization", secret);
            case MISSING -> {
            }
            case EMPTY -> request.header("Authorization", "");
            case WRONG -> request.header("Authorization", Long.toHexString(random.nextLong()));
            case PREFIX -> request.header("Authorization", secret.substring(0, 1 + random.nextInt(secret.length() - 1)));
            case SUFFIXED -> request.header("Authorization", secret + "x");
            case UPPER_CASED -> request.header("Authorization", secret.toUpperCase() + (secret.equals(secret.toUpperCase()) ? "!" : ""));
            case IN_ANOTHER_HEADER -> request.header("X-Okta-Secret", secret);
            case PADDED -> request.header("Authorization", " " + secret + " ");
        }
    }

    // ---- bodies ----

    static byte[] body(Body kind, Random random) {
        Map<String, Object> delivery = delivery(random, 1 + random.nextInt(20));
        return switch (kind) {
            case VALID -> json(delivery);
            case WRONG_TYPE -> json(mutate(delivery, random, wrongValue(random)));
            case MISSING_FIELD -> json(mutate(delivery, random, REMOVE));
            case TRUNCATED -> {
                byte[] whole = json(delivery);
                yield java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[random.nextInt(4000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case INVALID_UTF8 -> invalidUtf8(json(delivery), random);
            case DEEP_NESTING -> json(mutate(delivery, random, nested(1 + random.nextInt(400), random)));
            case HUGE_VALUE -> json(mutate(delivery, random, "x".repeat(1 + random.nextInt(1_000_000))));
            case NOT_AN_OBJECT -> json(List.of(delivery, random.nextInt(), "events"));
        };
    }

    static Map<String, Object> delivery(Random random, int events) {
        List<Object> list = new ArrayList<>();
        List<String> types = new ArrayList<>(OktaEvents.SUBSCRIBED);
        types.add("user.session.start");
        for (int i = 0; i < events; i++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("uuid", UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString());
            event.put("eventType", types.get(random.nextInt(types.size())));
            event.put("published", "2026-11-30T10:00:00.000Z");
            event.put("target", new ArrayList<>(List.of(
                    new LinkedHashMap<>(Map.of("id", "00uH" + random.nextInt(50), "type", "User")),
                    new LinkedHashMap<>(Map.of("id", APP_ID, "type", "AppInstance")))));
            list.add(event);
        }
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("eventType", "com.okta.event_hook");
        delivery.put("eventId", UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString());
        delivery.put("data", new LinkedHashMap<>(Map.of("events", list)));
        return delivery;
    }

    private static final Object REMOVE = new Object();

    /** Replaces (or removes) one value somewhere in the delivery: the envelope, an event, or a target. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mutate(Map<String, Object> delivery, Random random, Object value) {
        Map<String, Object> data = (Map<String, Object>) delivery.get("data");
        List<Object> events = (List<Object>) data.get("events");
        Map<String, Object> event = (Map<String, Object>) events.get(random.nextInt(events.size()));
        List<Object> targets = (List<Object>) event.get("target");
        Map<String, Object> target = (Map<String, Object>) targets.get(random.nextInt(targets.size()));
        switch (random.nextInt(6)) {
            case 0 -> put(delivery, random.nextBoolean() ? "eventId" : "data", value);
            case 1 -> put(data, "events", value);
            case 2 -> {
                if (value == REMOVE) {
                    events.remove(event);
                } else {
                    events.set(events.indexOf(event), value);
                }
            }
            case 3 -> put(event, List.of("uuid", "eventType", "published", "target").get(random.nextInt(4)), value);
            case 4 -> put(target, random.nextBoolean() ? "id" : "type", value);
            default -> put(event, "unknownField", value);
        }
        return delivery;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == REMOVE) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static Object wrongValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextDouble();
            case 2 -> random.nextBoolean();
            case 3 -> new LinkedHashMap<>();
            case 4 -> List.of();
            case 5 -> List.of(1, "two", Map.of("three", 3));
            case 6 -> Map.of("id", random.nextInt());
            case 7 -> "";
            default -> "x".repeat(random.nextInt(300));
        };
    }

    private static Object nested(int depth, Random random) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean() ? List.of(value) : Map.of("n", value);
        }
        return value;
    }

    /** Puts bytes that are not UTF-8 (a lone continuation byte, an overlong form, a cut sequence) into a string. */
    private static byte[] invalidUtf8(byte[] json, Random random) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf("\"uuid\":\"") + 8;
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    // ---- the corpus ----

    @Test
    void deliverWhenTenThousandEventsThenAcceptedAndEveryEventStored() throws Exception {
        Map<String, Object> delivery = delivery(new Random(10_000), 10_000);
        long started = System.nanoTime();
        int status = post(json(delivery), secret);
        long millis = (System.nanoTime() - started) / 1_000_000;
        counts.add("ms to accept 10,000 events", millis);
        assertThat(status).isEqualTo(204);
        assertThat(rows("okta_hook_event")).isEqualTo(10_000);
        // Not asserted against Okta's 3 s: the time is reported (docs/RELIABILITY.md); ack latency is the benchmark's.
    }

    @Test
    void deliverWhenBodyOverTheLimitThenTooLargeAndNothingStored() throws Exception {
        byte[] body = json(mutate(delivery(new Random(1), 1), new Random(1), "x".repeat(11 * 1024 * 1024)));
        assertThat(post(body, secret)).isEqualTo(413);
        assertThat(rows("okta_hook_delivery")).isZero();
    }

    @Test
    void deliverWhenNestedHundredThousandDeepThenBadRequest() throws Exception {
        byte[] body = ("{\"data\":{\"events\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(body, secret)).isEqualTo(400);
        assertThat(rows("okta_hook_delivery")).isZero();
    }

    @Test
    void deliverWhenUnknownAccountThenNotFoundForPostAndVerification() throws Exception {
        HttpResponse<Void> verify = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/okta/no-such-account"))
                .header("X-Okta-Verification-Challenge", "abc").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(verify.statusCode()).isEqualTo(404);
        HttpResponse<Void> post = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/okta/no-such-account"))
                .header("Authorization", secret).POST(HttpRequest.BodyPublishers.ofByteArray(json(delivery(new Random(2), 1))))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(post.statusCode()).isEqualTo(404);
    }

    /** Header tricks a client library would refuse to send, written on a raw socket. */
    @Test
    void deliverWhenHeadersInjectedThenNever5xxAndStoredOnlyWhenAccepted() throws Exception {
        String body = new String(json(delivery(new Random(3), 1)), StandardCharsets.UTF_8);
        List<String> headerBlocks = List.of(
                "Authorization: wrong\r\nX-Injected: " + secret + "\r\n",
                "Authorization: " + secret + "\u0000\r\n",
                "Authorization: wrong\r\n " + secret + "\r\n",
                "Authorization: wrong\r\nAuthorization: " + secret + "\r\n",
                "Authorization: " + secret.substring(0, 8) + "\r\n",
                "Authorization: " + "A".repeat(20_000) + "\r\n",
                "Authorization: \u00e9\u00e8" + secret + "\r\n",
                "Authorization: " + secret + "\rX-Evil: 1\r\n",
                "X-Okta-Verification-Challenge: <script>\r\nAuthorization: nope\r\n");
        for (String headers : headerBlocks) {
            long before = rows("okta_hook_delivery");
            int status = raw("POST /hooks/okta/" + account.key() + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                    + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n" + body);
            counts.add("header injection answered " + status);
            assertThat(status).as(headers.replace("\r", "\\r").replace("\n", "\\n")).isBetween(200, 499);
            assertThat(rows("okta_hook_delivery") - before).isEqualTo(status == 204 ? 1 : 0);
        }
    }

    /** Its own load of 200 hostile deliveries, then the health check and the heap. */
    @Test
    void serviceWhenHostileLoadThenStillHealthyWithBoundedHeap() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        Random random = new Random(99);
        for (int i = 0; i < 200; i++) {
            post(body(Body.values()[i % Body.values().length], random), i % 3 == 0 ? "wrong" : secret);
        }
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        counts.add("heap MB before 200 hostile deliveries", before / (1024 * 1024));
        counts.add("heap MB after them (after GC)", after / (1024 * 1024));
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(after - before).as("heap growth").isLessThan(256L * 1024 * 1024);
    }

    // ---- plumbing ----

    private int post(byte[] body, String presented) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/okta/" + account.key()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (presented != null) {
            request.header("Authorization", presented);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?").param(account.id())
                .query(Long.class).single();
    }



    @Override
    public Map<String, Object> figures() {
        return counts.figures();
    }
}
