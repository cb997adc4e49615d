package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminPageTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(60).rateLimits(false).hookBatchWindow(Duration.ofMillis(20)).build());

    @Test
    void listWhenOpenedThenFirstPageOfUsersAndNextLink(OktaSimulator sim) {
        HttpResponse<String> page = new TestHttp(sim).send("GET", "/admin", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(TestHttp.generated(sim, 0).login()).contains("Next page");
    }

    @Test
    void searchWhenQueryGivenThenMatchingUsersOnly(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 3);

        String body = new TestHttp(sim).send("GET", "/admin?q=" + OidcFlow.enc(user.login()), null, null).body();

        assertThat(body).contains(user.login()).doesNotContain(TestHttp.generated(sim, 4).login() + "<");
    }

    @Test
    void userPageWhenProfileHoldsMarkupThenEverythingEscaped(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(Map.of("login", "xss@example.com", "email", "xss@example.com",
                "firstName", "<script>alert(1)</script>", "lastName", "\"Quote'"), true, true);
        TestHttp http = new TestHttp(sim);

        String detail = http.send("GET", "/admin/users/" + user.id(), null, null).body();
        String list = http.send("GET", "/admin?q=xss", null, null).body();

        assertThat(detail).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;Quote&#39;");
        assertThat(list).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void actionsWhenPostedThenLifecycleProfileAndAssignmentChangeAndEmitHookEvents(OktaSimulator sim) {
        HookReceiver receiver = new HookReceiver();
        try {
            sim.hooks().registerVerified(receiver.url(), List.of("user.lifecycle.suspend",
                    "user.account.update_profile", "application.user_membership.remove"), "Authorization", "s");
            OktaUser user = TestHttp.generated(sim, 5);
            TestHttp http = new TestHttp(sim);

            http.form("/admin/users/" + user.id() + "/lifecycle/suspend", "", null);
            http.form("/admin/users/" + user.id() + "/profile", "title=Admin+Edited&_newKey=costCenter&_newValue=CC-9",
                    null);
            HttpResponse<String> unassign = http.form("/admin/users/" + user.id() + "/unassign", "", null);
            assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(unassign.statusCode()).isEqualTo(302);
            OktaUser after = sim.org().user(user.id());
            assertThat(after.status()).isEqualTo("SUSPENDED");
            assertThat(after.profile()).containsEntry("title", "Admin Edited").containsEntry("costCenter", "CC-9");
            assertThat(sim.org().isAssigned(user.id())).isFalse();
            assertThat(sim.hooks().sentDeliveries()).flatExtracting(HookDelivery::eventTypes).contains(
                    "user.lifecycle.suspend", "user.account.update_profile", "application.user_membership.remove");
        } finally {
            receiver.close();
        }
    }

    @Test
    void actionWhenTransitionNotAllowedThenPageShowsOktaError(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 6);

        HttpResponse<String> r = new TestHttp(sim).form("/admin/users/" + user.id() + "/lifecycle/unsuspend", "", null);

        assertThat(r.body()).contains("E0000001");
        assertThat(sim.org().user(user.id()).status()).isEqualTo("ACTIVE");
    }
}
