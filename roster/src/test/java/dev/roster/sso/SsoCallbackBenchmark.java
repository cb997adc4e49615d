package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.roster.accounts.Role;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * Not a test: how long Roster takes to handle the OIDC callback (state, code exchange with a local
 * provider, ID token checks, matching, audit, session). Run with
 * {@code mvn -pl roster -am test -Dtest=SsoCallbackBenchmark -Droster.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Import(SsoAccounts.class)
@EnabledIfSystemProperty(named = "roster.benchmark", matches = "true")
class SsoCallbackBenchmark extends IntegrationTest {

    static {
        // the JDK's HTTP server writes headers and body separately; with Nagle on, the local provider's
        // answers would each wait for a delayed ACK (~40 ms) and measure the test provider, not Roster
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int WARM_UP = 100;
    private static final int MEASURED = 500;

    @Autowired
    SsoAccounts sso;

    @Test
    void callbackWhenRepeatedThenPrintsLatencyAndJwksFetchedOnce() throws Exception {
        try (FakeOkta okta = new FakeOkta()) {
            TestAccount acme = accounts.create();
            sso.connect(acme, okta.issuer(), okta.clientId, okta.clientSecret, null);
            String email = "bench@" + acme.key() + ".example";
            accounts.person(acme.account(), email, Role.MEMBER);
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                SsoFlow flow = new SsoFlow(mvc);
                Map<String, String> authorize = SsoFlow.query(flow.start(acme.key()));
                okta.idToken = form -> okta.signed(okta.claims(authorize.get("nonce"), "00ubench", email).build());
                URI callback = URI.create("/login/oauth2/code/" + acme.key() + "?code=c" + i + "&state="
                        + URLEncoder.encode(authorize.get("state"), StandardCharsets.UTF_8));
                long start = System.nanoTime();
                String landed = flow.callback(callback).getResponse().getRedirectedUrl();
                long took = System.nanoTime() - start;
                assertThat(landed).endsWith("/people");
                if (i >= WARM_UP) {
                    nanos.add(took);
                }
            }
            Collections.sort(nanos);
            System.out.printf("%nSSO callback over %d sign-ins: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; JWKS fetched %d time(s)%n%n",
                    MEASURED, nanos.get(MEASURED / 2) / 1e6, nanos.get(MEASURED * 95 / 100) / 1e6,
                    nanos.get(MEASURED * 99 / 100) / 1e6, okta.keyFetches.get());
            assertThat(okta.keyFetches).hasValue(1);
        }
    }
}
