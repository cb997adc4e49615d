package dev.roster.oktasimulator;

import static dev.roster.oktasimulator.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The write endpoints of the contracts page and Okta's lifecycle rules. */
class WriteEndpointsTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(10).rateLimits(false).build());

    private static final String NEW_USER = "{\"profile\":{\"firstName\":\"Nia\",\"lastName\":\"New\","
            + "\"email\":\"%1$s\",\"login\":\"%1$s\",\"hireDate\":\"2026-01-05\"}%2$s}";

    private static Map<String, Object> create(TestHttp http, String login, String query, String credentials) {
        HttpResponse<String> r = http.send("POST", "/api/v1/users" + query, String.format(NEW_USER, login,
                credentials));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestHttp.object(r);
    }

    @Test
    void createUserWhenActivateFalseThenStagedWithoutActivatedTimestamp(OktaSimulator sim) {
        Map<String, Object> user = create(new TestHttp(sim), "staged@example.com", "?activate=false", "");

        assertThat(user).containsEntry("status", "STAGED").containsEntry("activated", null);
        assertThat(map(user.get("profile"))).containsEntry("hireDate", "2026-01-05");
    }

    @Test
    void createUserWhenActivatedWithPasswordThenActiveAndWithoutPasswordThenProvisioned(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);

        Map<String, Object> withPassword = create(http, "pw@example.com", "",
                ",\"credentials\":{\"password\":{\"value\":\"Abcd-1234\"}}");
        Map<String, Object> without = create(http, "nopw@example.com", "?activate=true", "");

        assertThat(withPassword).containsEntry("status", "ACTIVE");
        assertThat(withPassword.get("activated")).isNotNull();
        assertThat(without).containsEntry("status", "PROVISIONED");
    }

    @Test
    void createUserWhenLoginTakenThen400E0000001(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String login = TestHttp.generated(sim, 0).login();

        HttpResponse<String> r = http.send("POST", "/api/v1/users", String.format(NEW_USER, login, ""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(r)).containsEntry("errorCode", "E0000001");
    }

    @Test
    void createUserWhenRequiredAttributeMissingThen400E0000001(OktaSimulator sim) {
        HttpResponse<String> r = new TestHttp(sim).send("POST", "/api/v1/users",
                "{\"profile\":{\"login\":\"x@example.com\"}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(r)).containsEntry("errorCode", "E0000001");
    }

    @Test
    void updateProfileWhenPostThenPartialAndWhenPutThenReplaced(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "upd@example.com", "", "").get("id");

        Map<String, Object> partial = TestHttp.object(http.send("POST", "/api/v1/users/" + id,
                "{\"profile\":{\"title\":\"Engineer\"}}"));
        Map<String, Object> replaced = TestHttp.object(http.send("PUT", "/api/v1/users/" + id,
                "{\"profile\":{\"firstName\":\"Nia\",\"lastName\":\"New\",\"email\":\"upd@example.com\","
                        + "\"login\":\"upd@example.com\",\"city\":\"Leeds\"}}"));

        assertThat(map(partial.get("profile"))).containsEntry("title", "Engineer").containsEntry("hireDate",
                "2026-01-05");
        assertThat(map(replaced.get("profile"))).containsEntry("city", "Leeds").doesNotContainKeys("title",
                "hireDate");
        assertThat((String) replaced.get("lastUpdated")).isGreaterThanOrEqualTo((String) partial.get("created"));
    }

    @Test
    void lifecycleWhenAllowedTransitionsThenStatusesAndTimestampsFollow(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "life@example.com", "?activate=false",
                ",\"credentials\":{\"password\":{\"value\":\"Abcd-1234\"}}").get("id");
        String base = "/api/v1/users/" + id + "/lifecycle/";

        assertThat(http.send("POST", base + "activate", null).statusCode()).isEqualTo(200);
        assertThat(sim.org().user(id).status()).isEqualTo("ACTIVE");
        assertThat(sim.org().user(id).activated()).isNotNull();
        http.send("POST", base + "suspend", null);
        assertThat(sim.org().user(id).status()).isEqualTo("SUSPENDED");
        http.send("POST", base + "unsuspend", null);
        assertThat(sim.org().user(id).status()).isEqualTo("ACTIVE");
        http.send("POST", base + "deactivate", null);
        assertThat(sim.org().user(id).status()).isEqualTo("DEPROVISIONED");
        http.send("POST", base + "activate", null);
        assertThat(sim.org().user(id).status()).isEqualTo("ACTIVE");
        assertThat(sim.org().user(id).statusChanged()).isAfterOrEqualTo(sim.org().user(id).created());
    }

    @Test
    void lifecycleWhenActivatingUserWithoutPasswordThenProvisionedAndReactivateMakesActive(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "nopass@example.com", "?activate=false", "").get("id");

        http.send("POST", "/api/v1/users/" + id + "/lifecycle/activate", null);
        assertThat(sim.org().user(id).status()).isEqualTo("PROVISIONED");
        http.send("POST", "/api/v1/users/" + id + "/lifecycle/reactivate", null);

        assertThat(sim.org().user(id).status()).isEqualTo("ACTIVE");
    }

    @Test
    void lifecycleWhenPasswordOperationsThenPasswordExpiredRecoveryAndUnlockFollowOkta(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        OktaUser user = TestHttp.generated(sim, 6);
        String base = "/api/v1/users/" + user.id() + "/lifecycle/";

        http.send("POST", base + "expire_password", null);
        assertThat(sim.org().user(user.id()).status()).isEqualTo("PASSWORD_EXPIRED");
        http.send("POST", base + "reset_password", null);
        assertThat(sim.org().user(user.id()).status()).isEqualTo("RECOVERY");
        http.send("POST", base + "reactivate", null);
        assertThat(sim.org().user(user.id()).status()).isEqualTo("ACTIVE");
        HttpResponse<String> unlockActive = http.send("POST", base + "unlock", null);
        sim.org().lifecycle(user.id(), "lock");
        assertThat(sim.org().user(user.id()).status()).isEqualTo("LOCKED_OUT");
        http.send("POST", base + "unlock", null);

        assertThat(sim.org().user(user.id()).status()).isEqualTo("ACTIVE");
        assertThat(unlockActive.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(unlockActive)).containsEntry("errorCode", "E0000032");
        assertThat(http.send("POST", base + "lock", null).statusCode()).isEqualTo(404);
    }

    @Test
    void lifecycleWhenActivatingActiveUserThen403E0000016(OktaSimulator sim) {
        HttpResponse<String> r = new TestHttp(sim).send("POST", "/api/v1/users/" + TestHttp.generated(sim, 1).id()
                + "/lifecycle/activate", null);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestHttp.object(r)).containsEntry("errorCode", "E0000016");
    }

    @Test
    void lifecycleWhenSuspendingNonActiveOrUnsuspendingNonSuspendedThen400E0000001(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "staged2@example.com", "?activate=false", "").get("id");

        HttpResponse<String> suspend = http.send("POST", "/api/v1/users/" + id + "/lifecycle/suspend", null);
        HttpResponse<String> unsuspend = http.send("POST", "/api/v1/users/" + TestHttp.generated(sim, 2).id()
                + "/lifecycle/unsuspend", null);

        assertThat(suspend.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(suspend)).containsEntry("errorCode", "E0000001");
        assertThat(unsuspend.statusCode()).isEqualTo(400);
    }

    @Test
    void lifecycleWhenReactivatingActiveUserThen403E0000038(OktaSimulator sim) {
        HttpResponse<String> r = new TestHttp(sim).send("POST", "/api/v1/users/" + TestHttp.generated(sim, 3).id()
                + "/lifecycle/reactivate", null);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestHttp.object(r)).containsEntry("errorCode", "E0000038");
    }

    @Test
    void deleteUserWhenActiveThenDeactivatedAndWhenDeactivatedThenGone(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "del@example.com", "", "").get("id");

        http.send("DELETE", "/api/v1/users/" + id, null);
        assertThat(TestHttp.object(http.get("/api/v1/users/" + id))).containsEntry("status", "DEPROVISIONED");
        http.send("DELETE", "/api/v1/users/" + id, null);

        assertThat(http.get("/api/v1/users/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void assignWhenPostAppUsersThenAppUserWithScopeUserAndUnassignRemovesIt(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String id = (String) create(http, "assign@example.com", "", "").get("id");

        HttpResponse<String> assigned = http.send("POST", "/api/v1/apps/" + sim.appId() + "/users",
                "{\"id\":\"" + id + "\",\"scope\":\"USER\"}");
        assertThat(TestHttp.object(assigned)).containsEntry("id", id).containsEntry("scope", "USER");
        assertThat(http.get("/api/v1/apps/" + sim.appId() + "/users/" + id).statusCode()).isEqualTo(200);

        assertThat(http.send("DELETE", "/api/v1/apps/" + sim.appId() + "/users/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/apps/" + sim.appId() + "/users/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void appsWhenUnknownAppIdThen404AppInstance(OktaSimulator sim) {
        HttpResponse<String> r = new TestHttp(sim).get("/api/v1/apps/0oaUnknown000000000/users");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat((String) TestHttp.object(r).get("errorSummary")).endsWith("(AppInstance)");
    }

    @Test
    void javaApiWhenInvalidTransitionThenSameOktaErrorAsHttp(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 4);

        assertThatThrownBy(() -> sim.org().lifecycle(user.id(), "unsuspend"))
                .isInstanceOfSatisfying(OktaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("E0000001");
                });
    }

    @Test
    void groupMembershipWhenPutAndDeleteThenMembersChange(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);
        String group = sim.org().createGroup("Testers", "t").id;
        OktaUser user = TestHttp.generated(sim, 5);

        http.send("PUT", "/api/v1/groups/" + group + "/users/" + user.id(), null);
        assertThat(TestHttp.array(http.get("/api/v1/groups/" + group + "/users"))).extracting(u -> u.get("id"))
                .containsExactly(user.id());
        http.send("DELETE", "/api/v1/groups/" + group + "/users/" + user.id(), null);

        assertThat(TestHttp.array(http.get("/api/v1/groups/" + group + "/users"))).isEmpty();
    }
}
