package dev.roster.oktasimulator;

import static dev.roster.oktasimulator.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** okta.md §2, the Management API: one test per fact the simulator implements. */
class ManagementApiContractTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(620).seed(7).rateLimits(false).build());

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void getUserWhenIdGivenThenUserHasIdStatusTimestampsProfileAndLinks(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 10);

        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/users/" + user.id());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = TestHttp.object(response);
        assertThat((String) body.get("id")).isEqualTo(user.id()).startsWith("00u").hasSize(20);
        assertThat(body).containsEntry("status", "ACTIVE").containsKeys("created", "activated", "statusChanged",
                "lastLogin", "lastUpdated", "passwordChanged", "profile", "_links");
        assertThat((String) body.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(map(map(body.get("_links")).get("self")).get("href"))
                .isEqualTo(sim.orgUrl() + "/api/v1/users/" + user.id());
    }

    @Test
    void getUserWhenLoginGivenThenSameUserAsById(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 11);

        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/users/" + enc(user.login()));

        assertThat(TestHttp.object(response)).containsEntry("id", user.id());
    }

    @Test
    void getUserWhenLoginHasPlusAddressThenFoundByLoginInPath(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(Map.of("login", "ann+okta@example.com", "email", "ann+okta@example.com",
                "firstName", "Ann", "lastName", "Plus"), true, true);

        HttpResponse<String> raw = new TestHttp(sim).get("/api/v1/users/ann+okta@example.com");
        HttpResponse<String> encoded = new TestHttp(sim).get("/api/v1/users/" + enc("ann+okta@example.com"));

        assertThat(TestHttp.object(raw)).containsEntry("id", user.id());
        assertThat(TestHttp.object(encoded)).containsEntry("id", user.id());
    }

    @Test
    void getUserWhenDeletedThen404WithE0000007ErrorBody(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("deleted.user"), true, true);
        sim.org().deleteUser(user.id());
        sim.org().deleteUser(user.id());

        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/users/" + user.id());

        assertThat(response.statusCode()).isEqualTo(404);
        Map<String, Object> error = TestHttp.object(response);
        assertThat(error).containsEntry("errorCode", "E0000007").containsEntry("errorLink", "E0000007")
                .containsEntry("errorSummary", "Not found: Resource not found: " + user.id() + " (User)")
                .containsEntry("errorCauses", List.of());
        assertThat((String) error.get("errorId")).startsWith("oae");
    }

    @Test
    void searchWhenProfileEmailEqThenFindsUserIncludingDeprovisioned(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("searched"), true, true);
        sim.org().lifecycle(user.id(), "deactivate");
        String search = enc("profile.email eq \"SEARCHED@example.com\"");

        List<Map<String, Object>> found = TestHttp.array(new TestHttp(sim).get("/api/v1/users?search=" + search));

        assertThat(found).singleElement().satisfies(u -> assertThat(u).containsEntry("id", user.id())
                .containsEntry("status", "DEPROVISIONED"));
        assertThat(TestHttp.array(new TestHttp(sim).get("/api/v1/users?limit=200")))
                .noneMatch(u -> user.id().equals(u.get("id")));
    }

    @Test
    void searchWhenIdsJoinedWithOrThenExactlyThoseUsersIncludingDeprovisionedInOneListCall(OktaSimulator sim) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(sim.org().createUser(HookContractTest.profile("batch" + i), true, true).id());
        }
        sim.org().lifecycle(ids.get(7), "deactivate");
        List<String> asked = new java.util.ArrayList<>(ids.subList(0, 99));
        asked.add("00uDOESNOTEXIST00000");
        String search = enc(String.join(" or ", asked.stream().map(id -> "id eq \"" + id + "\"").toList()));
        long before = sim.apiCalls("users.list");
        long gets = sim.apiCalls("users.get");

        List<Map<String, Object>> found = TestHttp.array(new TestHttp(sim).get("/api/v1/users?limit=100&search=" + search));

        assertThat(found).extracting(u -> (String) u.get("id")).containsExactlyInAnyOrderElementsOf(ids.subList(0, 99));
        assertThat(found).filteredOn(u -> ids.get(7).equals(u.get("id"))).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("status", "DEPROVISIONED"));
        assertThat(sim.apiCalls("users.list") - before).isEqualTo(1);
        assertThat(sim.apiCalls("users.get")).isEqualTo(gets);
    }

    @Test
    void filterWhenCaseDiffersThenNoMatchBecauseFilterIsCaseSensitive(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 12);
        TestHttp http = new TestHttp(sim);

        List<Map<String, Object>> exact = TestHttp.array(http.get("/api/v1/users?filter="
                + enc("profile.login eq \"" + user.login() + "\"")));
        List<Map<String, Object>> upper = TestHttp.array(http.get("/api/v1/users?filter="
                + enc("profile.login eq \"" + user.login().toUpperCase() + "\"")));

        assertThat(exact).extracting(u -> u.get("id")).containsExactly(user.id());
        assertThat(upper).isEmpty();
    }

    @Test
    void filterWhenOperatorOtherThanEqThen400E0000031(OktaSimulator sim) {
        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/users?filter=" + enc("profile.login sw \"a\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(response)).containsEntry("errorCode", "E0000031");
    }

    @Test
    void listUsersWhenQGivenThenPrefixMatchOnNameOrEmail(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(Map.of("login", "zebedee.q@example.com", "email",
                "zebedee.q@example.com", "firstName", "Zebedee", "lastName", "Quartermaine"), true, true);

        List<Map<String, Object>> found = TestHttp.array(new TestHttp(sim).get("/api/v1/users?q=Quarterm"));

        assertThat(found).extracting(u -> u.get("id")).containsExactly(user.id());
    }

    @Test
    void listAppUsersWhenNoLimitThenDefaultPageOf50(OktaSimulator sim) {
        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/apps/" + sim.appId() + "/users");

        assertThat(TestHttp.array(response)).hasSize(50);
        assertThat(TestHttp.nextLink(response)).isNotNull();
    }

    @Test
    void listAppUsersWhenLimitAbove500ThenAtMost500(OktaSimulator sim) {
        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/apps/" + sim.appId() + "/users?limit=1000");

        assertThat(TestHttp.array(response)).hasSize(500);
    }

    @Test
    void listAppUsersWhenExpandUserThenFullUserEmbeddedAtEmbeddedUser(OktaSimulator sim) {
        List<Map<String, Object>> page = TestHttp.array(new TestHttp(sim).get("/api/v1/apps/" + sim.appId()
                + "/users?limit=5&expand=user"));

        assertThat(page).hasSize(5).allSatisfy(appUser -> {
            Map<String, Object> embedded = map(map(appUser.get("_embedded")).get("user"));
            assertThat(embedded.get("id")).isEqualTo(appUser.get("id"));
            assertThat(map(embedded.get("profile"))).containsKeys("login", "email", "firstName", "lastName");
            assertThat(embedded).containsKeys("status", "created", "lastUpdated");
        });
    }

    @Test
    void appUserWhenListedThenHasIdScopeStatusCredentialsUserNameAndProfile(OktaSimulator sim) {
        Map<String, Object> appUser = TestHttp.array(new TestHttp(sim).get("/api/v1/apps/" + sim.appId()
                + "/users?limit=1")).get(0);

        OktaUser user = sim.org().user((String) appUser.get("id"));
        assertThat(appUser).containsEntry("scope", "USER").containsEntry("status", "ACTIVE").containsKey("profile");
        assertThat(map(appUser.get("credentials"))).containsEntry("userName", user.login());
        assertThat(appUser).doesNotContainKey("_embedded");
    }

    @Test
    void appUserWhenAssignedThroughGroupThenScopeGroup(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("grouped"), true, false);
        TestHttp http = new TestHttp(sim);
        String groupId = (String) TestHttp.object(http.send("POST", "/api/v1/groups",
                "{\"profile\":{\"name\":\"Roster users\",\"description\":\"d\"}}")).get("id");

        assertThat(http.send("PUT", "/api/v1/groups/" + groupId + "/users/" + user.id(), null).statusCode())
                .isEqualTo(204);
        assertThat(http.send("PUT", "/api/v1/apps/" + sim.appId() + "/groups/" + groupId, null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> appUser = http.get("/api/v1/apps/" + sim.appId() + "/users/" + user.id());
        assertThat(TestHttp.object(appUser)).containsEntry("scope", "GROUP");
        assertThat(TestHttp.array(http.get("/api/v1/groups"))).extracting(g -> g.get("id")).contains(groupId);
    }

    @Test
    void appUserWhenNotAssignedThen404(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("unassigned"), true, false);

        HttpResponse<String> response = new TestHttp(sim).get("/api/v1/apps/" + sim.appId() + "/users/" + user.id());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.object(response)).containsEntry("errorCode", "E0000007");
    }

    @Test
    void profileWhenGeneratedThenDefaultAttributesAndCustomAttributesPresent(OktaSimulator sim) {
        Map<String, Object> profile = map(TestHttp.object(new TestHttp(sim).get("/api/v1/users/"
                + TestHttp.generated(sim, 20).id())).get("profile"));

        assertThat(profile).containsKeys("login", "email", "firstName", "lastName", "displayName", "title",
                "department", "division", "organization", "userType", "employeeNumber", "costCenter",
                "streetAddress", "city", "state", "zipCode", "countryCode", "timezone", "preferredLanguage",
                "locale", "mobilePhone", "managerId", "manager", "hireDate", "avatarUrl");
        assertThat((String) profile.get("preferredLanguage")).matches("[a-z]{2}-[A-Z]{2}");
        assertThat((String) profile.get("locale")).matches("[a-z]{2}_[A-Z]{2}");
        assertThat(profile).doesNotContainKey("picture");
    }

    @Test
    void managerWhenGeneratedThenManagerIdIsManagersIdAndManagerIsDisplayName(OktaSimulator sim) {
        OktaUser user = sim.org().users().stream().filter(u -> u.profile().get("managerId") != null).findFirst()
                .orElseThrow();

        OktaUser manager = sim.org().user((String) user.profile().get("managerId"));

        assertThat(manager).isNotNull();
        assertThat(user.profile().get("manager")).isEqualTo(manager.displayName());
    }

    @Test
    void pagingWhenFollowingNextLinksThenEveryAppUserOnceAndLastPageHasNoNext(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        Set<Object> seen = new HashSet<>();
        int pages = 0;
        String url = "/api/v1/apps/" + sim.appId() + "/users?limit=200&expand=user";
        HttpResponse<String> response = null;
        while (url != null) {
            response = http.get(url);
            assertThat(response.headers().allValues("Link")).anyMatch(l -> l.endsWith("rel=\"self\""));
            TestHttp.array(response).forEach(u -> assertThat(seen.add(u.get("id"))).isTrue());
            url = TestHttp.nextLink(response);
            pages++;
        }

        assertThat(seen).hasSize(sim.org().appUserCount());
        assertThat(pages).isEqualTo((sim.org().appUserCount() + 199) / 200);
        assertThat(TestHttp.nextLink(response)).isNull();
    }

    @Test
    void errorsWhenTokenInvalidThen401E0000011(OktaSimulator sim) {
        HttpResponse<String> response = new TestHttp(sim).send("GET", "/api/v1/users", null, "SSWS wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.object(response)).containsEntry("errorCode", "E0000011");
    }

    @Test
    void credentialsWhenSswsTokenThenActsAsAdminOnReadsAndWrites(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);

        HttpResponse<String> created = http.send("POST", "/api/v1/users?activate=true",
                "{\"profile\":{\"firstName\":\"Sam\",\"lastName\":\"Ssws\",\"email\":\"sam.ssws@example.com\","
                        + "\"login\":\"sam.ssws@example.com\"},\"credentials\":{\"password\":{\"value\":\"pw12345!A\"}}}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(TestHttp.object(created)).containsEntry("status", "ACTIVE");
    }

    @Test
    void rateLimitHeadersWhenAnyResponseThenLimitRemainingAndResetPresent(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        long now = System.currentTimeMillis() / 1000;

        for (HttpResponse<String> r : List.of(http.get("/api/v1/users/" + TestHttp.generated(sim, 0).id()),
                http.get("/api/v1/users/nobody"), http.send("GET", "/api/v1/users", null, "SSWS bad"))) {
            assertThat(r.headers().firstValue("X-Rate-Limit-Limit")).isPresent();
            assertThat(r.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
            long reset = Long.parseLong(r.headers().firstValue("X-Rate-Limit-Reset").orElseThrow());
            assertThat(reset).isBetween(now, now + 61);
        }
    }

    @Test
    void rateLimitBucketsWhenOktaDefaultsThenApps100UserGet2000List600(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);

        assertThat(http.get("/api/v1/apps/" + sim.appId() + "/users").headers().firstValue("X-Rate-Limit-Limit"))
                .contains("100");
        assertThat(http.get("/api/v1/users/" + TestHttp.generated(sim, 0).id()).headers()
                .firstValue("X-Rate-Limit-Limit")).contains("2000");
        assertThat(http.get("/api/v1/users?limit=1").headers().firstValue("X-Rate-Limit-Limit")).contains("600");
    }

    @Test
    void rateLimitWhenBucketExceededThen429E0000047() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(5).build())) {
            TestHttp http = new TestHttp(sim);
            TestHttp.awayFromMinuteBoundary();
            for (int i = 0; i < 100; i++) {
                assertThat(http.get("/api/v1/apps/" + sim.appId()).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> limited = http.get("/api/v1/apps/" + sim.appId());

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(TestHttp.object(limited)).containsEntry("errorCode", "E0000047");
            assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");
        }
    }

    @Test
    void rateLimitShareWhenOneCredentialUsesHalfTheBucketThen429ButAnotherCredentialStillServed() throws Exception {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(5).clientShare(0.5).build())) {
            TestHttp http = new TestHttp(sim);
            com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate();
            ServiceApp app = sim.org().addServiceApp(key, java.util.Set.of("okta.apps.read"));
            String bearer = "Bearer " + serviceToken(sim, key, app);
            TestHttp.awayFromMinuteBoundary();
            for (int i = 0; i < 50; i++) {
                assertThat(http.get("/api/v1/apps/" + sim.appId()).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> limited = http.get("/api/v1/apps/" + sim.appId());
            HttpResponse<String> other = http.send("GET", "/api/v1/apps/" + sim.appId(), null, bearer);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(TestHttp.object(limited)).containsEntry("errorCode", "E0000047");
            assertThat(limited.headers().firstValue("X-Rate-Limit-Limit")).contains("100");
            assertThat(other.statusCode()).isEqualTo(200);
        }
    }

    private static String serviceToken(OktaSimulator sim, com.nimbusds.jose.jwk.RSAKey key, ServiceApp app)
            throws Exception {
        long now = System.currentTimeMillis();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).build(), new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(app.clientId()).subject(app.clientId()).audience(sim.orgUrl() + "/oauth2/v1/token")
                .expirationTime(new java.util.Date(now + 300_000)).jwtID(java.util.UUID.randomUUID().toString())
                .build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        HttpResponse<String> token = new TestHttp(sim).form("/oauth2/v1/token", "grant_type=client_credentials"
                + "&scope=okta.apps.read&client_assertion_type="
                + OidcFlow.enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion="
                + jwt.serialize(), null);
        return (String) TestHttp.object(token).get("access_token");
    }

    @Test
    void concurrencyWhenMoreThan75SimultaneousRequestsThenSomeGet429() throws Exception {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(5).build())) {
            sim.faults().latency(Duration.ofMillis(2000));
            TestHttp http = new TestHttp(sim);
            String path = "/api/v1/users/" + TestHttp.generated(sim, 0).id();
            ExecutorService pool = Executors.newFixedThreadPool(90);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 90; i++) {
                    statuses.add(pool.submit(() -> http.get(path).statusCode()));
                }
                List<Integer> results = new ArrayList<>();
                for (Future<Integer> f : statuses) {
                    results.add(f.get());
                }

                assertThat(results).contains(429);
                assertThat(results.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(75).isPositive();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
