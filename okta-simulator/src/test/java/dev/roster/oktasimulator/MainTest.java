package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void parseWhenContractOptionsGivenThenTheyReachTheSimulator() {
        SimulatorOptions o = Main.parse(new String[] {"--port", "0", "--users", "7", "--seed", "5", "--api-token", "T",
            "--client-id", "0oaABCDEFGHIJKLMNOPQ", "--client-secret", "S", "--password", "P", "--auto-login",
            "--rate-limits", "off", "--manager-ref=employee-number", "--redirect-uri", "http://localhost/cb"});

        try (OktaSimulator sim = OktaSimulator.start(o)) {
            assertThat(sim.org().size()).isEqualTo(7);
            assertThat(sim.apiToken()).isEqualTo("T");
            assertThat(sim.clientId()).isEqualTo("0oaABCDEFGHIJKLMNOPQ").isEqualTo(sim.appId());
            assertThat(sim.clientSecret()).isEqualTo("S");
            assertThat(sim.password()).isEqualTo("P");
            assertThat(o.autoLogin()).isTrue();
            assertThat(o.rateLimits()).isFalse();
            assertThat(sim.org().app().redirectUris).containsExactly("http://localhost/cb");
        }
    }

    @Test
    void parseWhenUnknownOptionOrBadRateLimitsThenRefused() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--nope", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limits", "maybe"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionJsonWhenNothingGivenThenGeneratedValuesInContractShape() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(1).build())) {
            Map<String, Object> info = TestHttp.JSON.readValue(sim.connectionJson(), Map.class);

            assertThat(info).containsKeys("orgUrl", "apiToken", "clientId", "clientSecret", "appId", "password",
                    "adminUrl");
            assertThat((String) info.get("clientId")).startsWith("0oa").hasSize(20).isEqualTo(info.get("appId"));
            assertThat(info.get("adminUrl")).isEqualTo(sim.orgUrl() + "/admin");
        }
    }

    @Test
    void mainWhenStartedAsProcessThenPrintsOneJsonLineOnStdoutWithinSeconds() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.roster.oktasimulator.Main", "--users", "20", "--api-token", "tok").redirectError(
                ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Map<String, Object> info = TestHttp.JSON.readValue(line, Map.class);

            assertThat(info).containsEntry("apiToken", "tok");
            assertThat((String) info.get("orgUrl")).startsWith("http://127.0.0.1:");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
