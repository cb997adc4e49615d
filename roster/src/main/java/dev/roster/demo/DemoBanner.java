package dev.roster.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the demo where to go and how to sign in. */
@Component
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoBanner {

    private final DemoProperties properties;

    DemoBanner(DemoProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        System.out.printf("""

                ──────────────────────────────────────────────────────────────
                 Roster demo is ready: %s/a/%s/sign-in
                 Sign in as %s with password %s
                ──────────────────────────────────────────────────────────────

                """, base, properties.account(), properties.ownerEmail(), properties.ownerPassword());
    }
}
