package dev.roster.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need Roster on a real port: Okta (the simulator) calls its hook URL, browsers
 * visit it. Same databases and tiers as {@link IntegrationTest}; the job queue polls fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=100ms", "roster.okta.backoff=10ms", "roster.okta.max-backoff=50ms"})
@Tag("integration")
@ExtendWith(DatabaseTier.class)
@Import(TestAccounts.class)
public abstract class LiveServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestAccounts accounts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
