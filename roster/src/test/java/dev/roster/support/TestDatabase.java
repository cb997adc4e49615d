package dev.roster.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of an integration-test context. H2 by default, in memory; with
 * {@code -Droster.test.database=postgres}, a fresh schema on a real PostgreSQL server per context,
 * dropped when the JVM ends, so test runs never collide.
 */
public final class TestDatabase {

    public static final String POSTGRES_URL = env("ROSTER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String POSTGRES_USER = env("ROSTER_TEST_POSTGRES_USER", "postgres");
    public static final String POSTGRES_PASSWORD = env("ROSTER_TEST_POSTGRES_PASSWORD", "");

    /** The secrets key of every PostgreSQL-tier context of this run. */
    public static final String SECRETS_KEY = java.util.Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas));
    }

    /**
     * Spring keeps every test context alive for reuse, and each holds a connection pool: idle
     * connections go back after 10 s, so dozens of cached contexts stay within PostgreSQL's
     * {@code max_connections} (100 by default) next to the crash test's three instances.
     */
    private static final Map<String, Object> IDLE_POOL = Map.of("spring.datasource.hikari.minimum-idle", "1",
            "spring.datasource.hikari.idle-timeout", "10000");

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("roster.test.database", "h2"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (postgres()) {
            String schema = "roster_test_" + RUN + "_" + SCHEMAS.size();
            execute("CREATE SCHEMA " + schema);
            SCHEMAS.add(schema);
            String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> POSTGRES_USER);
            registry.add("spring.datasource.password", () -> POSTGRES_PASSWORD);
            registry.add("spring.flyway.schemas", () -> schema);
            // a shared database needs a configured key (Roster refuses to generate one there)
            registry.add("roster.secrets.key", () -> SECRETS_KEY);
            IDLE_POOL.forEach((key, value) -> registry.add(key, () -> value));
        } else {
            String url = "jdbc:h2:mem:roster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            registry.add("spring.datasource.url", () -> url);
        }
    }

    /**
     * One database for several application contexts in this JVM (instances behind a load balancer):
     * a fresh PostgreSQL schema in the PostgreSQL tier, else a named in-memory H2 database.
     */
    public static Map<String, Object> shared() {
        if (!postgres()) {
            return Map.of("spring.datasource.url", "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        String schema = "roster_test_" + RUN + "_" + SCHEMAS.size();
        execute("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        Map<String, Object> properties = new java.util.HashMap<>(IDLE_POOL);
        properties.putAll(Map.of("spring.datasource.url", POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, "spring.datasource.username", POSTGRES_USER,
                "spring.datasource.password", POSTGRES_PASSWORD, "spring.flyway.schemas", schema));
        return properties;
    }

    /** Whether a PostgreSQL server answers at the configured URL. */
    static boolean postgresReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test tier: " + e.getMessage(), e);
        }
    }

    private static void dropSchemas() {
        for (String schema : SCHEMAS) {
            try {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
