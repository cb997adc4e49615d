package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OktaSimulatorExtensionTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(SimulatorOptions.builder().port(0)
            .users(50).seed(1).rateLimits(false).autoLogin(true).build());

    @Test
    void extensionWhenParameterDeclaredThenResolvesTheRunningSimulator(OktaSimulator sim) {
        assertThat(sim).isSameAs(okta.simulator());
        assertThat(sim.org().size()).isEqualTo(50);
        assertThat(new TestHttp(sim).get("/api/v1/users?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void startWhenSmallOrgThenReadyWellUnderASecond() {
        long start = System.nanoTime();
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(200).build())) {
            assertThat(new TestHttp(sim).get("/api/v1/users?limit=1").statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }
}
