package dev.roster.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the integration tests: the whole application over MockMvc, on H2, or on PostgreSQL in
 * the PostgreSQL tier. Each test makes its own accounts, so tests share a context safely.
 */
@SpringBootTest(properties = IntegrationTest.CONTAINER_SESSIONS)
@AutoConfigureMockMvc
@Tag("integration")
@ExtendWith(DatabaseTier.class)
@Import(TestAccounts.class)
public abstract class IntegrationTest {

    /**
     * MockMvc tests carry their session as a {@code MockHttpSession}, which Spring Session's filter
     * (it reads the session cookie) would not see: they use the servlet container's sessions.
     * Sessions in the database are tested over real HTTP ({@code SharedSessionTests}, the browser tests).
     */
    public static final String CONTAINER_SESSIONS =
            "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected TestAccounts accounts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
