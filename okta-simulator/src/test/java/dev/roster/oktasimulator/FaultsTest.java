package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(5).seed(3).build());

    @AfterEach
    void reset(OktaSimulator sim) {
        sim.faults().reset();
    }

    private static List<Integer> statuses(OktaSimulator sim, int n) {
        TestHttp http = new TestHttp(sim);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(http.get("/api/v1/users/" + TestHttp.generated(sim, 0).id()).statusCode());
        }
        return out;
    }

    @Test
    void errorShareWhenSetThenThatShareAnswers500E0000009AndSameSeedSameSequence(OktaSimulator sim) {
        sim.faults().errorShare(0.5).seed(11);
        List<Integer> first = statuses(sim, 40);
        sim.faults().seed(11);
        List<Integer> second = statuses(sim, 40);

        assertThat(first).isEqualTo(second).contains(500, 200);
        assertThat(first.stream().filter(s -> s == 500).count()).isBetween(10L, 30L);
    }

    @Test
    void latencyWhenSetThenCallsTakeAtLeastThatLong(OktaSimulator sim) {
        sim.faults().latency(Duration.ofMillis(200));
        long start = System.nanoTime();

        statuses(sim, 2);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void timeoutShareWhenSetThenRequestHeldAndConnectionDroppedWithoutAnswer(OktaSimulator sim) {
        sim.faults().timeoutShare(1.0).timeoutDuration(Duration.ofMillis(300));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> statuses(sim, 1))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void squeezeWhenFactorSetThenLimitHeaderShrinksAnd429Sooner(OktaSimulator sim) {
        sim.faults().rateLimit("users.list", 3);
        TestHttp http = new TestHttp(sim);
        TestHttp.awayFromMinuteBoundary();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(http.get("/api/v1/users?limit=1"));
        }

        assertThat(responses.get(0).headers().firstValue("X-Rate-Limit-Limit")).contains("3");
        assertThat(responses).extracting(HttpResponse::statusCode).contains(429);
        sim.faults().reset();
        sim.faults().squeezeRateLimits(0.1);
        assertThat(http.get("/api/v1/apps/" + sim.appId()).headers().firstValue("X-Rate-Limit-Limit")).contains("10");
    }

    @Test
    void simEndpointWhenFaultsPostedThenAppliedAndResetClearsThem(OktaSimulator sim) {
        TestHttp http = new TestHttp(sim);

        http.send("POST", "/sim/faults", "{\"errorShare\":1.0,\"hookDropShare\":0.25}", null);
        assertThat(statuses(sim, 3)).containsOnly(500);
        assertThat(sim.faults().hookDropShare()).isEqualTo(0.25);
        http.send("POST", "/sim/faults/reset", null, null);

        assertThat(statuses(sim, 3)).containsOnly(200);
    }
}
