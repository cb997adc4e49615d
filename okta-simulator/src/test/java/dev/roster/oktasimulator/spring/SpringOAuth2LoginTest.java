package dev.roster.oktasimulator.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Spring Security's standard oauth2Login signs in against the simulator's org authorization server. */
@SpringBootTest(classes = LoginTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringOAuth2LoginTest {
    static OktaSimulator sim;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void okta(DynamicPropertyRegistry registry) {
        sim = OktaSimulator.start(SimulatorOptions.builder().users(20).rateLimits(false).autoLogin(true)
                .password("Spring-Pass-1").build());
        String p = "spring.security.oauth2.client.";
        registry.add(p + "registration.okta.client-id", sim::clientId);
        registry.add(p + "registration.okta.client-secret", sim::clientSecret);
        registry.add(p + "registration.okta.scope", () -> "openid,profile,email");
        registry.add(p + "provider.okta.issuer-uri", sim::issuer);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Test
    void oauth2LoginWhenUserPostsSignInFormThenAppSeesOktaUserIdAsSub() throws Exception {
        OktaUser user = sim.org().users().get(3);
        HttpClient browser = browser();

        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.uri().toString()).startsWith(sim.orgUrl() + "/oauth2/v1/authorize");
        assertThat(form.uri().getQuery()).contains("code_challenge_method=S256", "nonce=");
        String tx = form.body().replaceAll("(?s).*name=\"tx\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(sim.orgUrl() + "/login/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("tx=" + tx + "&username="
                        + URLEncoder.encode(user.login(), StandardCharsets.UTF_8) + "&password=Spring-Pass-1"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo(user.id() + " " + user.login() + " " + sim.issuer());
    }

    @Test
    void oauth2LoginWhenAutoLoginWithLoginHintThenSignedInWithoutForm() throws Exception {
        OktaUser user = sim.org().users().get(5);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/okta");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(),
                HttpResponse.BodyHandlers.ofString());
        String authorize = response.headers().firstValue("Location").orElseThrow() + "&login_hint="
                + URLEncoder.encode(user.login(), StandardCharsets.UTF_8);
        next = URI.create(authorize);

        for (int hops = 0; hops < 10; hops++) {
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                break;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.getPath().equals("/")) {
                next = URI.create("http://localhost:" + port + "/me");
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(user.id() + " ");
    }
}
