package dev.roster.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several Roster instances as separate JVMs (the test's own classpath and {@code RosterApplication}),
 * sharing one fresh PostgreSQL schema, as they would behind a load balancer. Each gets its own port
 * and db-scheduler name; their logs go to {@code target/cluster-logs}. Closing stops them all and
 * drops the schema.
 */
public final class RosterCluster implements AutoCloseable {

    /** One running instance. */
    public record Instance(int index, String name, int port, Process process, Path log) {
        public String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private final String schema = "roster_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String secretsKey;
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public RosterCluster() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        this.secretsKey = Base64.getEncoder().encodeToString(key);
        execute("CREATE SCHEMA " + schema);
    }

    /** A JDBC connection to the cluster's schema, for the test's own checks. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER,
                TestDatabase.POSTGRES_PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    /** Starts an instance (not waiting for it); {@code env} and {@code args} add to the cluster's settings. */
    public Instance start(Map<String, String> env, List<String> args) throws IOException {
        int index = instances.size();
        String name = "roster-" + index;
        int port = freePort();
        Path logs = Path.of("target", "cluster-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(schema + "-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.roster.RosterApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.POSTGRES_URL
                        + (TestDatabase.POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + TestDatabase.POSTGRES_USER,
                "--spring.datasource.password=" + TestDatabase.POSTGRES_PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--roster.secrets.key=" + secretsKey,
                "--db-scheduler.scheduler-name=" + name,
                "--logging.level.root=WARN",
                "--logging.level.dev.roster=INFO"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(new File("."));
        builder.environment().keySet().removeIf(k -> k.startsWith("ROSTER_") || k.startsWith("SPRING_")
                || k.startsWith("DB_SCHEDULER_"));
        builder.environment().putAll(env);
        Instance instance = new Instance(index, name, port, builder.start(), log);
        instances.add(instance);
        return instance;
    }

    /** Waits until every started instance answers its health check as UP. */
    public void awaitUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        for (Instance instance : instances) {
            while (!up(instance)) {
                if (!instance.process().isAlive()) {
                    throw new IllegalStateException(instance.name() + " died while starting:\n" + tail(instance));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(instance.name() + " not up in " + timeout + ":\n" + tail(instance));
                }
                Thread.sleep(200);
            }
        }
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public Instance named(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + name));
    }

    /** The last lines of an instance's log, for a failure message. */
    public String tail(Instance instance) {
        try {
            List<String> lines = Files.readAllLines(instance.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean up(Instance instance) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(instance.url("/actuator/health")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (Instance instance : instances) {
            instance.process().destroyForcibly();
        }
        for (Instance instance : instances) {
            try {
                instance.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (RuntimeException e) {
            System.err.println("Could not drop " + schema + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER,
                TestDatabase.POSTGRES_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }
}
