package dev.roster.demo;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;

/** Tells whoever started the demo where to go and how to sign in, as admin and through "Okta". */
@Component
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoBanner {

    private final DemoProperties properties;
    private final DemoOkta okta;

    DemoBanner(DemoProperties properties, DemoOkta okta) {
        this.properties = properties;
        this.okta = okta;
    }

    @EventListener
    @Order(10)
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        OktaSimulator sim = okta.simulator();
        List<OktaUser> employees = sim.org().users().stream().filter(u -> "ACTIVE".equals(u.status()))
                .limit(3).toList();
        System.out.printf("""

                ──────────────────────────────────────────────────────────────────────────────
                 Roster demo is ready: %s/a/%s/sign-in
                 Guided tour (six steps, with the people to use): %s/
                 Admin (password):     %s / %s
                 Employees (Sign in with Okta), password %s:
                %s
                 Simulated Okta admin page (change people, watch hooks arrive): %s
                 Demo mailbox (invitation emails, with their accept links): %s/a/%s/demo/mailbox
                ──────────────────────────────────────────────────────────────────────────────

                """, base, properties.account(), base, properties.ownerEmail(), properties.ownerPassword(), sim.password(),
                employees.stream().map(u -> "   " + u.login()).collect(Collectors.joining("\n")), sim.adminUrl(),
                base, properties.account());
    }
}
