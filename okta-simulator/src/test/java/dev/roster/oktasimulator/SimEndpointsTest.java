package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimEndpointsTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(5).rateLimits(false).build());

    @Test
    void infoWhenFetchedThenSameJsonAsTheStartLine(OktaSimulator sim) {
        HttpResponse<String> info = new TestHttp(sim).send("GET", "/sim/info", null, null);

        assertThat(TestHttp.object(info)).isEqualTo(TestHttp.JSON.readValue(sim.connectionJson(), Map.class));
    }

    @Test
    void keysRotateWhenPostedThenNewKidIsCurrent(OktaSimulator sim) {
        String before = sim.currentKeyId();

        Map<String, Object> rotated = TestHttp.object(new TestHttp(sim).send("POST", "/sim/keys/rotate", null, null));

        assertThat(rotated.get("kid")).isEqualTo(sim.currentKeyId()).isNotEqualTo(before);
    }

    @Test
    void redirectUrisWhenPostedThenRegisteredOnTheApp(OktaSimulator sim) {
        new TestHttp(sim).send("POST", "/sim/redirect-uris", "{\"uri\":\"http://localhost:8080/cb\","
                + "\"postLogoutUri\":\"http://localhost:8080/\"}", null);

        assertThat(sim.org().app().redirectUris).contains("http://localhost:8080/cb");
        assertThat(sim.org().app().postLogoutRedirectUris).contains("http://localhost:8080/");
    }

    @Test
    void deliveriesWhenHookVerifiedThenLogListsTheVerificationGet(OktaSimulator sim) {
        try (HookReceiver receiver = new HookReceiver()) {
            sim.hooks().registerVerified(receiver.url(), List.of("user.lifecycle.create"), "Authorization", "x");

            List<Map<String, Object>> log = TestHttp.array(new TestHttp(sim).send("GET", "/sim/hooks/deliveries",
                    null, null));

            assertThat(log).anySatisfy(d -> assertThat(d).containsEntry("method", "GET")
                    .containsEntry("outcome", "DELIVERED").containsEntry("status", 200));
        }
    }

    @Test
    void avatarWhenGeneratedUsersAvatarUrlFetchedThenSvgWithInitials(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 0);

        HttpResponse<String> svg = new TestHttp(sim).send("GET", (String) user.profile().get("avatarUrl"), null, null);

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
        String initials = user.profile().string("firstName").substring(0, 1)
                + user.profile().string("lastName").substring(0, 1);
        assertThat(svg.body()).startsWith("<svg").contains(">" + initials + "<");
    }

    @Test
    void unknownPathWhenRequestedThenOktaStyle404(OktaSimulator sim) {
        HttpResponse<String> r = new TestHttp(sim).get("/api/v1/nothing");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestHttp.object(r)).containsKey("errorCode");
    }
}
