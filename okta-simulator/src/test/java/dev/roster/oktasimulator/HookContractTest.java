package dev.roster.oktasimulator;

import static dev.roster.oktasimulator.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** okta.md §1, event hooks: one test per fact the simulator implements. */
class HookContractTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(SimulatorOptions.builder().users(20)
            .rateLimits(false).hookBatchWindow(Duration.ofMillis(250)).hookTimeout(Duration.ofMillis(1000)).build());

    private final List<HookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        OktaSimulator sim = okta.simulator();
        TestHttp http = new TestHttp(sim);
        for (String id : sim.hooks().hookIds()) {
            http.send("POST", "/api/v1/eventHooks/" + id + "/lifecycle/deactivate", null);
        }
        sim.faults().reset();
        receivers.forEach(HookReceiver::close);
    }

    private HookReceiver receiver() {
        HookReceiver r = new HookReceiver();
        receivers.add(r);
        return r;
    }

    private String registerAndVerify(OktaSimulator sim, HookReceiver receiver, String... types) {
        TestHttp http = new TestHttp(sim);
        String body = "{\"name\":\"Roster\",\"events\":{\"type\":\"EVENT_TYPE\",\"items\":" + json(List.of(types))
                + "},\"channel\":{\"type\":\"HTTP\",\"version\":\"1.0.0\",\"config\":{\"uri\":\"" + receiver.url()
                + "\",\"headers\":[{\"key\":\"X-Extra\",\"value\":\"extra-value\"}],\"authScheme\":"
                + "{\"type\":\"HEADER\",\"key\":\"Authorization\",\"value\":\"hook-secret\"}}}}";
        HttpResponse<String> created = http.send("POST", "/api/v1/eventHooks", body);
        assertThat(created.statusCode()).isEqualTo(200);
        String id = (String) TestHttp.object(created).get("id");
        HttpResponse<String> verified = http.send("POST", "/api/v1/eventHooks/" + id + "/lifecycle/verify", null);
        assertThat(verified.statusCode()).isEqualTo(200);
        return id;
    }

    private static String json(Object value) {
        return TestHttp.JSON.writeValueAsString(value);
    }

    private static Map<String, Object> envelope(HookReceiver.Received post) {
        return TestHttp.JSON.readValue(post.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(HookReceiver.Received post) {
        return (List<Map<String, Object>>) map(envelope(post).get("data")).get("events");
    }

    private static List<Map<String, Object>> allEvents(HookReceiver receiver) {
        List<Map<String, Object>> all = new ArrayList<>();
        receiver.posts().forEach(p -> all.addAll(events(p)));
        return all;
    }

    @Test
    void verificationWhenVerifyCalledThenGetWithChallengeHeaderAndEchoMakesHookVerified(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        String id = registerAndVerify(sim, receiver, "user.lifecycle.deactivate");

        HookReceiver.Received get = receiver.received.get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.header("X-Okta-Verification-Challenge")).isNotBlank();
        assertThat(get.headers().keySet()).noneMatch(k -> k.equals("X-Okta-Verification-Challenge"));
        HttpResponse<String> hook = new TestHttp(sim).get("/api/v1/eventHooks/" + id);
        assertThat(TestHttp.object(hook)).containsEntry("verificationStatus", "VERIFIED").containsEntry("status",
                "ACTIVE");
        assertThat(TestHttp.array(new TestHttp(sim).get("/api/v1/eventHooks"))).extracting(h -> h.get("id"))
                .contains(id);
    }

    @Test
    void verificationWhenEndpointDoesNotEchoThenHookStaysUnverifiedAndGetsNothing(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String body = "{\"name\":\"x\",\"events\":{\"type\":\"EVENT_TYPE\",\"items\":[\"user.lifecycle.deactivate\"]},"
                + "\"channel\":{\"type\":\"HTTP\",\"version\":\"1.0.0\",\"config\":{\"uri\":\"" + sim.orgUrl()
                + "/sim/info\"}}}";
        String id = (String) TestHttp.object(http.send("POST", "/api/v1/eventHooks", body)).get("id");

        HttpResponse<String> verify = http.send("POST", "/api/v1/eventHooks/" + id + "/lifecycle/verify", null);

        assertThat(verify.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(http.get("/api/v1/eventHooks/" + id))).containsEntry("verificationStatus",
                "UNVERIFIED");
    }

    @Test
    void authenticationWhenDeliveringThenStaticSecretHeaderAndCustomHeadersAreSent(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.account.update_profile");
        OktaUser user = TestHttp.generated(sim, 0);

        sim.org().updateProfile(user.id(), Map.of("title", "Chief Tester"));
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        HookReceiver.Received post = receiver.posts().get(0);
        assertThat(post.header("Authorization")).isEqualTo("hook-secret");
        assertThat(post.header("X-Extra")).isEqualTo("extra-value");
        assertThat(receiver.received.get(0).header("Authorization")).isEqualTo("hook-secret");
    }

    @Test
    void deliveryWhenUserDeactivatedThenPostsJsonEnvelopeWithSystemLogEvent(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        String hookId = registerAndVerify(sim, receiver, "user.lifecycle.deactivate");
        OktaUser user = sim.org().createUser(profile("deliver.me"), true, true);

        new TestHttp(sim).send("POST", "/api/v1/users/" + user.id() + "/lifecycle/deactivate", null);
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        HookReceiver.Received post = receiver.posts().get(0);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        Map<String, Object> env = envelope(post);
        assertThat(env).containsEntry("eventType", "com.okta.event_hook").containsEntry("eventTypeVersion", "1.0")
                .containsEntry("cloudEventsVersion", "0.1").containsEntry("contentType", "application/json")
                .containsEntry("source", sim.orgUrl() + "/api/v1/eventHooks/" + hookId)
                .containsKeys("eventId", "eventTime");
        Map<String, Object> event = events(post).get(0);
        assertThat(event).containsEntry("eventType", "user.lifecycle.deactivate").containsEntry("version", "0")
                .containsEntry("severity", "INFO").containsEntry("displayMessage", "Deactivate Okta user")
                .containsEntry("legacyEventType", "core.user.config.user_deactivated")
                .containsKeys("uuid", "published", "actor", "client", "outcome", "transaction", "debugContext");
        assertThat(map(event.get("outcome"))).containsEntry("result", "SUCCESS");
        assertThat(map(map(event.get("debugContext")).get("debugData")))
                .containsEntry("requestUri", "/api/v1/users/" + user.id() + "/lifecycle/deactivate");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) event.get("target");
        assertThat(targets).singleElement().satisfies(t -> assertThat(t).containsEntry("id", user.id())
                .containsEntry("type", "User").containsEntry("alternateId", "deliver.me@example.com"));
    }

    @Test
    void batchingWhenEventsCloseTogetherThenOneDeliveryCarriesThemAll(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.suspend");
        List<OktaUser> users = java.util.stream.IntStream.range(10, 15).mapToObj(i -> TestHttp.generated(sim, i)).toList();

        users.forEach(u -> sim.org().lifecycle(u.id(), "suspend"));
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        users.forEach(u -> sim.org().lifecycle(u.id(), "unsuspend"));

        assertThat(receiver.posts()).hasSize(1);
        assertThat(events(receiver.posts().get(0))).hasSize(5);
    }

    @Test
    void targetsWhenAppMembershipChangesThenAppUserAppInstanceAndUserInVaryingOrder(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "application.user_membership.add", "application.user_membership.remove");
        OktaUser user = sim.org().createUser(profile("member"), true, false);
        TestHttp http = new TestHttp(sim);

        Set<String> orders = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            http.send("POST", "/api/v1/apps/" + sim.appId() + "/users", "{\"id\":\"" + user.id()
                    + "\",\"scope\":\"USER\"}");
            http.send("DELETE", "/api/v1/apps/" + sim.appId() + "/users/" + user.id(), null);
        }
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        List<Map<String, Object>> events = allEvents(receiver);
        assertThat(events).hasSize(24);
        for (Map<String, Object> event : events) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) event.get("target");
            assertThat(targets).extracting(t -> t.get("type"))
                    .containsExactlyInAnyOrder("AppUser", "AppInstance", "User");
            assertThat(targets).filteredOn(t -> "User".equals(t.get("type"))).singleElement()
                    .satisfies(t -> assertThat(t.get("id")).isEqualTo(user.id()));
            assertThat(targets).filteredOn(t -> "AppInstance".equals(t.get("type"))).singleElement()
                    .satisfies(t -> assertThat((String) t.get("id")).isEqualTo(sim.appId()).startsWith("0oa"));
            orders.add(targets.stream().map(t -> (String) t.get("type")).toList().toString());
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void timingWhenEndpointTimesOutThenRetriedExactlyOnce(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.suspend");
        receiver.delayMillis = 2500;

        sim.org().lifecycle(TestHttp.generated(sim, 1).id(), "suspend");
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        sim.org().lifecycle(TestHttp.generated(sim, 1).id(), "unsuspend");

        assertThat(receiver.posts()).hasSize(2);
        assertThat(sim.hooks().sentDeliveries()).filteredOn(d -> d.uri().equals(receiver.url()))
                .extracting(HookDelivery::outcome).containsExactly("TIMEOUT", "TIMEOUT");
    }

    @Test
    void timingWhenEndpointAnswers5xxThenRetriedOnceWithSameEventId(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.suspend");
        receiver.failuresLeft.set(1);
        receiver.failStatus = 503;

        sim.org().lifecycle(TestHttp.generated(sim, 2).id(), "suspend");
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        sim.org().lifecycle(TestHttp.generated(sim, 2).id(), "unsuspend");

        assertThat(receiver.posts()).hasSize(2);
        assertThat(envelope(receiver.posts().get(0)).get("eventId"))
                .isEqualTo(envelope(receiver.posts().get(1)).get("eventId"));
    }

    @Test
    void timingWhenEndpointAnswers4xxThenNeverRetried(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.suspend");
        receiver.status = 401;

        sim.org().lifecycle(TestHttp.generated(sim, 3).id(), "suspend");
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        sim.org().lifecycle(TestHttp.generated(sim, 3).id(), "unsuspend");

        assertThat(receiver.posts()).hasSize(1);
    }

    @Test
    void guaranteesWhenDuplicateFaultThenDuplicatesShareEnvelopeEventIdAndUuids(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.account.update_profile");
        sim.faults().hookDuplicateShare(1.0);

        sim.org().updateProfile(TestHttp.generated(sim, 4).id(), Map.of("nickName", "Dup"));
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(receiver.posts()).hasSize(2);
        assertThat(receiver.posts().get(0).body()).isEqualTo(receiver.posts().get(1).body());
        assertThat(sim.hooks().sentDeliveries()).filteredOn(d -> d.uri().equals(receiver.url()))
                .extracting(HookDelivery::duplicate).containsExactly(false, true);
    }

    @Test
    void guaranteesWhenReorderFaultThenLaterEventsMayArriveFirst(OktaSimulator sim) throws Exception {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.account.update_profile");
        OktaUser user = TestHttp.generated(sim, 5);
        sim.faults().hookReorderShare(1.0);
        sim.org().updateProfile(user.id(), Map.of("nickName", "First"));
        Thread.sleep(400); // past the batch window: the first batch is now held back
        sim.faults().hookReorderShare(0);

        sim.org().updateProfile(user.id(), Map.of("nickName", "Second"));
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        List<Map<String, Object>> events = allEvents(receiver);
        assertThat(events).hasSize(2);
        assertThat((String) events.get(0).get("published")).isGreaterThan((String) events.get(1).get("published"));
    }

    @Test
    void guaranteesWhenDropFaultThenEventsCanBeLost(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.account.update_profile");
        sim.faults().hookDropShare(1.0);

        sim.org().updateProfile(TestHttp.generated(sim, 6).id(), Map.of("nickName", "Lost"));
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(receiver.posts()).isEmpty();
        assertThat(sim.hooks().deliveries()).filteredOn(d -> d.uri().equals(receiver.url()))
                .extracting(HookDelivery::outcome).contains("DROPPED");
    }

    @Test
    void eventTypesWhenEveryKindOfChangeHappensThenEachSubscribedTypeIsDelivered(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.create", "user.lifecycle.activate",
                "user.lifecycle.reactivate", "user.lifecycle.deactivate", "user.lifecycle.suspend",
                "user.lifecycle.unsuspend", "user.lifecycle.delete.initiated", "user.account.update_profile",
                "application.user_membership.add", "application.user_membership.remove", "group.user_membership.add",
                "group.user_membership.remove");
        TestHttp http = new TestHttp(sim);
        HttpResponse<String> created = http.send("POST", "/api/v1/users?activate=false",
                "{\"profile\":{\"firstName\":\"Eve\",\"lastName\":\"Types\",\"email\":\"eve.types@example.com\","
                        + "\"login\":\"eve.types@example.com\"},\"credentials\":{\"password\":{\"value\":\"Pw-12345\"}}}");
        String id = (String) TestHttp.object(created).get("id");
        String group = sim.org().groups().stream().filter(g -> "Sales".equals(g.name)).findFirst().orElseThrow().id;

        http.send("POST", "/api/v1/users/" + id + "/lifecycle/activate", null);
        http.send("POST", "/api/v1/users/" + id, "{\"profile\":{\"title\":\"Analyst\"}}");
        http.send("POST", "/api/v1/users/" + id + "/lifecycle/suspend", null);
        http.send("POST", "/api/v1/users/" + id + "/lifecycle/unsuspend", null);
        http.send("POST", "/api/v1/apps/" + sim.appId() + "/users", "{\"id\":\"" + id + "\",\"scope\":\"USER\"}");
        http.send("DELETE", "/api/v1/apps/" + sim.appId() + "/users/" + id, null);
        http.send("PUT", "/api/v1/groups/" + group + "/users/" + id, null);
        http.send("DELETE", "/api/v1/groups/" + group + "/users/" + id, null);
        http.send("POST", "/api/v1/users/" + id + "/lifecycle/deactivate", null);
        http.send("POST", "/api/v1/users?activate=true", "{\"profile\":" + json(profile("react")) + "}");
        http.send("POST", "/api/v1/users/react@example.com/lifecycle/reactivate", null);
        http.send("DELETE", "/api/v1/users/" + id, null);
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(allEvents(receiver)).extracting(e -> (String) e.get("eventType")).contains(
                "user.lifecycle.create", "user.lifecycle.activate", "user.lifecycle.reactivate",
                "user.lifecycle.deactivate",
                "user.lifecycle.suspend", "user.lifecycle.unsuspend", "user.lifecycle.delete.initiated",
                "user.account.update_profile", "application.user_membership.add",
                "application.user_membership.remove", "group.user_membership.add", "group.user_membership.remove");
    }

    @Test
    void deleteCompletedWhenSubscribedThenRegistrationRefusedWith400() {
        OktaSimulator sim = okta.simulator();
        String body = "{\"name\":\"x\",\"events\":{\"type\":\"EVENT_TYPE\",\"items\":[\"user.lifecycle.delete.completed\"]},"
                + "\"channel\":{\"type\":\"HTTP\",\"version\":\"1.0.0\",\"config\":{\"uri\":\"https://example.com/h\"}}}";

        HttpResponse<String> response = new TestHttp(sim).send("POST", "/api/v1/eventHooks", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(response)).containsEntry("errorCode", "E0000001");
    }

    @Test
    void deletionWhenDeactivatedUserDeletedThenOnlyReconciliationSeesItAsGoneFromListAnd404(OktaSimulator sim) {
        HookReceiver receiver = receiver();
        registerAndVerify(sim, receiver, "user.lifecycle.deactivate", "user.lifecycle.delete.initiated");
        OktaUser user = sim.org().createUser(profile("gone"), true, true);
        TestHttp http = new TestHttp(sim);

        assertThat(http.send("DELETE", "/api/v1/users/" + user.id(), null).statusCode()).isEqualTo(204);
        assertThat(sim.org().user(user.id()).status()).isEqualTo("DEPROVISIONED");
        assertThat(http.send("DELETE", "/api/v1/users/" + user.id(), null).statusCode()).isEqualTo(204);
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(http.get("/api/v1/users/" + user.id()).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/apps/" + sim.appId() + "/users/" + user.id()).statusCode()).isEqualTo(404);
        assertThat(allEvents(receiver)).extracting(e -> (String) e.get("eventType"))
                .doesNotContain("user.lifecycle.delete.completed");
    }

    @Test
    void limitsWhen25HooksActiveThenAnotherIsRefusedUntilOneIsDeactivated() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(1).build())) {
            TestHttp http = new TestHttp(sim);
            String body = "{\"name\":\"h\",\"events\":{\"type\":\"EVENT_TYPE\",\"items\":[\"user.lifecycle.create\"]},"
                    + "\"channel\":{\"type\":\"HTTP\",\"version\":\"1.0.0\",\"config\":{\"uri\":\"https://example.com/h\"}}}";
            String first = null;
            for (int i = 0; i < 25; i++) {
                HttpResponse<String> created = http.send("POST", "/api/v1/eventHooks", body);
                assertThat(created.statusCode()).isEqualTo(200);
                first = first == null ? (String) TestHttp.object(created).get("id") : first;
            }

            HttpResponse<String> refused = http.send("POST", "/api/v1/eventHooks", body);
            http.send("POST", "/api/v1/eventHooks/" + first + "/lifecycle/deactivate", null);
            HttpResponse<String> accepted = http.send("POST", "/api/v1/eventHooks", body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(TestHttp.object(refused)).containsEntry("errorCode", "E0000001");
            assertThat(accepted.statusCode()).isEqualTo(200);
        }
    }

    static Map<String, Object> profile(String name) {
        return Map.of("login", name + "@example.com", "email", name + "@example.com", "firstName", "Test",
                "lastName", name);
    }
}
