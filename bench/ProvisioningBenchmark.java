import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provisioning benchmark: runs the built okta-simulator and roster jars as separate processes
 * against PostgreSQL, drives them over HTTP and prints a markdown table ({@code --write} also
 * writes docs/BENCHMARKS.md). Usage: bench/run [--quick] [--hooks-only] [--write]. A measurement, never a test.
 */
public class ProvisioningBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TOKEN = "bench-api-token-0123456789";
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final List<String[]> ROWS = new ArrayList<>();
    static final List<Process> PROCESSES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean write = List.of(args).contains("--write");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly)));
        int big = quick ? 20_000 : 100_000;
        if (List.of(args).contains("--hooks-only")) {
            hooks(quick ? 3 : 10);
        } else {
            reconcile(10_000);
            reconcile(big);
            hooks(quick ? 3 : 10);
            rateLimited(quick ? 5_000 : 10_000);
        }
        String table = table();
        System.out.println(table);
        if (write) {
            Path file = ROOT.resolve("docs/BENCHMARKS.md");
            // Hand-written analysis after the first "## " heading is kept; the measured part is replaced.
            String existing = Files.exists(file) ? Files.readString(file) : "";
            int notes = existing.indexOf("\n## ");
            Files.writeString(file, document(table) + (notes < 0 ? "" : existing.substring(notes)));
            System.out.println("Wrote docs/BENCHMARKS.md");
        }
        PROCESSES.forEach(Process::destroy);
    }

    // ---- scenarios ----------------------------------------------------------------------------

    /** Reconciliation of n users: all new, all unchanged, 5 % changed. Rate limits off. */
    static void reconcile(int n) throws Exception {
        Sim sim = Sim.start(n, "off", Map.of());
        Roster roster = Roster.start("256m");
        roster.connect(sim, "0.5");
        for (String phase : List.of("all new", "unchanged", "5 % changed")) {
            if (phase.startsWith("5")) {
                sim.changeShare(0.05);
            }
            HeapSampler heap = new HeapSampler(roster);
            Run run = roster.reconcile(Duration.ofMinutes(30));
            heap.stop();
            double seconds = run.seconds();
            ROWS.add(new String[] {"Reconcile " + fmt(n) + " users, " + phase,
                    fmt((long) (run.listed / seconds)) + " users/s",
                    String.format("%.1f s; created %d, updated %d, unchanged %d; peak heap %d MB (-Xmx256m)",
                            seconds, run.created, run.updated, run.unchanged, heap.peakMb())});
        }
        roster.stop();
        sim.stop();
    }

    /** Hook ingest at fixed offered loads, then event → person updated through real hooks. */
    static void hooks(int secondsPerLoad) throws Exception {
        Sim sim = Sim.start(2_000, "off", Map.of("--hook-batch-ms", "10"));
        Roster roster = Roster.start("512m");
        String secret = roster.connect(sim, "0.5");
        roster.reconcile(Duration.ofMinutes(5));
        List<String> users = sim.userIds(500);
        roster.hookLoad(secret, users, 50, Duration.ofSeconds(5)); // warm-up, not reported
        Thread.sleep(2000);
        for (int rate : List.of(100, 200, 500)) {
            Load load = roster.hookLoad(secret, users, rate, Duration.ofSeconds(secondsPerLoad));
            ROWS.add(new String[] {"Hook ingest, offered " + rate + "/s", fmt((long) load.achieved) + " deliveries/s",
                    String.format("ack p50 %.1f ms, p99 %.1f ms, %d errors", load.p50, load.p99, load.errors)});
            Thread.sleep(3000);
        }
        sim.registerHook(roster.base + "/hooks/okta/bench", secret);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = users.get(i);
            String city = "Bench " + i + " " + UUID.randomUUID().toString().substring(0, 6);
            long t0 = System.nanoTime();
            sim.post("/api/v1/users/" + user, "{\"profile\":{\"city\":\"" + city + "\"}}");
            while (!roster.get("/api/v1/accounts/bench/people?oktaId=" + user).contains(city)) {
                Thread.sleep(5);
                if (System.nanoTime() - t0 > 30_000_000_000L) {
                    throw new IllegalStateException("event never arrived");
                }
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        ROWS.add(new String[] {"Okta change → person updated (40 events, real hooks)",
                String.format("p50 %.0f ms", percentile(latencies, 50)),
                String.format("p99 %.0f ms (includes the simulator's 10 ms batch window and Roster's read of the user)",
                        percentile(latencies, 99))});
        roster.stop();
        sim.stop();
    }

    /** A reconciliation under Okta-style limits (apps bucket 20/min, share 50 %) against the bound the limit imposes. */
    static void rateLimited(int n) throws Exception {
        int limit = 20;
        double share = 0.5;
        Sim sim = Sim.start(n, "okta", Map.of("--rate-limit", "apps=" + limit));
        Roster roster = Roster.start("256m");
        roster.connect(sim, String.valueOf(share));
        Run run = roster.reconcile(Duration.ofMinutes(30));
        int pages = (n + 499) / 500;
        int perWindow = (int) Math.floor(limit * share);
        long windowsToWait = (pages - 1) / perWindow;
        Instant start = run.startedAt;
        long offset = start.getEpochSecond() % 60;
        double bound = windowsToWait == 0 ? 0 : windowsToWait * 60.0 - offset - start.getNano() / 1e9;
        ROWS.add(new String[] {"Reconcile " + fmt(n) + " users under Okta limits (apps " + limit + "/min, share 50 %)",
                String.format("%.1f s", run.seconds()),
                String.format("bound the limit imposes %.1f s (%d pages, %d per window); ratio %.2f; %d rate-limit waits",
                        bound, pages, perWindow, bound == 0 ? 0 : run.seconds() / bound, run.waits)});
        roster.stop();
        sim.stop();
    }

    // ---- processes ----------------------------------------------------------------------------

    record Run(int listed, int created, int updated, int unchanged, int waits, Instant startedAt, Instant finishedAt) {
        double seconds() {
            return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        }
    }

    record Load(double achieved, double p50, double p99, long errors) {
    }

    static final class Sim {
        String orgUrl;
        String apiToken;
        String clientId;
        String clientSecret;
        Process process;

        static Sim start(int users, String rateLimits, Map<String, String> extra) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx1g", "-jar",
                    ROOT.resolve("okta-simulator/target/okta-simulator.jar").toString(), "--port", "0", "--users",
                    String.valueOf(users), "--rate-limits", rateLimits));
            extra.forEach((k, v) -> {
                cmd.add(k);
                cmd.add(v);
            });
            Sim sim = new Sim();
            sim.process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            PROCESSES.add(sim.process);
            String line = new BufferedReader(new InputStreamReader(sim.process.getInputStream())).readLine();
            sim.orgUrl = field(line, "orgUrl");
            sim.apiToken = field(line, "apiToken");
            sim.clientId = field(line, "clientId");
            sim.clientSecret = field(line, "clientSecret");
            return sim;
        }

        List<String> userIds(int max) throws Exception {
            List<String> ids = new ArrayList<>();
            String body = send(HttpRequest.newBuilder(URI.create(orgUrl + "/api/v1/apps/" + clientId + "/users?limit="
                    + Math.min(max, 500))).header("Authorization", "SSWS " + apiToken).GET().build());
            Matcher m = Pattern.compile("\"id\":\"(00u[^\"]+)\"").matcher(body);
            while (m.find() && ids.size() < max) {
                if (!ids.contains(m.group(1))) {
                    ids.add(m.group(1));
                }
            }
            return ids;
        }

        void changeShare(double share) throws Exception {
            String next = orgUrl + "/api/v1/apps/" + clientId + "/users?limit=500";
            long changed = 0;
            long seen = 0;
            while (next != null) {
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(next))
                        .header("Authorization", "SSWS " + apiToken).GET().build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\\{\"id\":\"(00u[^\"]+)\"").matcher(page.body());
                while (m.find()) {
                    if (changed < (long) (++seen * share)) {
                        post("/api/v1/users/" + m.group(1), "{\"profile\":{\"title\":\"Changed " + seen + "\"}}");
                        changed++;
                    }
                }
                next = page.headers().allValues("Link").stream().filter(l -> l.contains("rel=\"next\""))
                        .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).findFirst().orElse(null);
            }
        }

        void post(String path, String json) throws Exception {
            send(HttpRequest.newBuilder(URI.create(orgUrl + path)).header("Authorization", "SSWS " + apiToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        void registerHook(String uri, String secret) throws Exception {
            String types = "\"user.account.update_profile\",\"user.lifecycle.deactivate\",\"user.lifecycle.activate\"";
            String body = send(HttpRequest.newBuilder(URI.create(orgUrl + "/api/v1/eventHooks"))
                    .header("Authorization", "SSWS " + apiToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Roster\",\"events\":{\"type\":\"EVENT_TYPE\","
                            + "\"items\":[" + types + "]},\"channel\":{\"type\":\"HTTP\",\"version\":\"1.0.0\","
                            + "\"config\":{\"uri\":\"" + uri + "\",\"authScheme\":{\"type\":\"HEADER\","
                            + "\"key\":\"Authorization\",\"value\":\"" + secret + "\"}}}}")).build());
            String id = field(body, "id");
            send(HttpRequest.newBuilder(URI.create(orgUrl + "/api/v1/eventHooks/" + id + "/lifecycle/verify"))
                    .header("Authorization", "SSWS " + apiToken).POST(HttpRequest.BodyPublishers.noBody()).build());
        }

        void stop() {
            process.destroy();
        }
    }

    static final class Roster {
        String base;
        Process process;

        static Roster start(String heap) throws Exception {
            psql("DROP DATABASE IF EXISTS roster_bench");
            psql("CREATE DATABASE roster_bench");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx" + heap, "-jar",
                    ROOT.resolve("roster/target/roster.jar").toString(), "--server.port=" + port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/roster_bench?reWriteBatchedInserts=true");
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "");
            env.put("ROSTER_BOOTSTRAP_ACCOUNT", "bench");
            env.put("ROSTER_BOOTSTRAP_API_TOKEN", TOKEN);
            env.put("ROSTER_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
            env.put("ROSTER_PROVISIONING_SCHEDULE_CHECK", "24h");
            env.put("DB_SCHEDULER_POLLING_INTERVAL", "100ms");
            env.put("LOGGING_LEVEL_ROOT", "WARN");
            Roster roster = new Roster();
            roster.base = "http://localhost:" + port;
            roster.process = pb.start();
            PROCESSES.add(roster.process);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (true) {
                try {
                    if (roster.get("/actuator/health").contains("UP")) {
                        return roster;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline || !roster.process.isAlive()) {
                    throw new IllegalStateException("Roster did not start");
                }
                Thread.sleep(200);
            }
        }

        /** Saves the connection; returns the hook secret. */
        String connect(Sim sim, String share) throws Exception {
            String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/bench/okta"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"orgUrl\":\"" + sim.orgUrl + "\",\"clientId\":\""
                            + sim.clientId + "\",\"clientSecret\":\"" + sim.clientSecret + "\",\"apiToken\":\""
                            + sim.apiToken + "\",\"rateLimitShare\":" + share + "}")).build());
            return field(body, "hookSecret");
        }

        Run reconcile(Duration timeout) throws Exception {
            String started = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/bench/okta/sync"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
            String id = field(started, "id");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String run = get("/api/v1/accounts/bench/okta/sync-runs/" + id);
                String status = field(run, "status");
                if (!status.equals("queued") && !status.equals("running")) {
                    if (!status.equals("succeeded")) {
                        throw new IllegalStateException("run " + status + ": " + run);
                    }
                    return new Run(number(run, "listed"), number(run, "created"), number(run, "updated"),
                            number(run, "unchanged"), number(run, "rateLimitWaits"),
                            Instant.parse(field(run, "startedAt")), Instant.parse(field(run, "finishedAt")));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("run did not finish in " + timeout);
        }

        Load hookLoad(String secret, List<String> users, int rate, Duration duration) throws Exception {
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long total = rate * duration.toSeconds();
            AtomicLong sent = new AtomicLong();
            long t0 = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> {
                if (sent.get() >= total) {
                    return;
                }
                long n = sent.incrementAndGet();
                String user = users.get((int) (n % users.size()));
                String body = "{\"eventType\":\"com.okta.event_hook\",\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"data\":{\"events\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"eventType\":"
                        + "\"user.account.update_profile\",\"published\":\"" + Instant.now() + "\",\"target\":"
                        + "[{\"id\":\"" + user + "\",\"type\":\"User\"}]}]}}";
                long start = System.nanoTime();
                inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/hooks/okta/bench"))
                                .header("Authorization", secret).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            if (failure != null || response.statusCode() != 204) {
                                errors.incrementAndGet();
                            } else {
                                latencies.add((System.nanoTime() - start) / 1e6);
                            }
                        }));
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            while (sent.get() < total) {
                Thread.sleep(20);
            }
            ticker.shutdownNow();
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Double> sorted = new ArrayList<>(latencies);
            return new Load(sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99), errors.get());
        }

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                    .GET().build());
        }

        void stop() {
            process.destroy();
        }
    }

    /** Samples Roster's used heap from its Prometheus endpoint while a run goes on. */
    static final class HeapSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak = new AtomicLong();

        HeapSampler(Roster roster) {
            Pattern heap = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)");
            timer.scheduleAtFixedRate(() -> {
                try {
                    Matcher m = heap.matcher(roster.get("/actuator/prometheus"));
                    long sum = 0;
                    while (m.find()) {
                        sum += (long) Double.parseDouble(m.group(1));
                    }
                    peak.accumulateAndGet(sum, Math::max);
                } catch (Exception e) {
                    // a missed sample is fine
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }

        long peakMb() {
            return peak.get() / (1024 * 1024);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException(request.uri() + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static void psql(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String fmt(long n) {
        return String.format("%,d", n);
    }

    static String table() {
        StringBuilder out = new StringBuilder("| measurement | result | detail |\n|---|---|---|\n");
        for (String[] row : ROWS) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String document(String table) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return "# Benchmarks\n\nMeasured by `bench/run --write` on " + LocalDate.now() + ": "
                + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + ManagementFactory.getOperatingSystemMXBean().getName() + ", Java " + System.getProperty("java.version")
                + ", PostgreSQL on 127.0.0.1. Roster and the simulator run as separate processes on the same machine;"
                + " Roster's heap is capped as shown.\n\n" + table
                + "\nThe simulator's own figures are in [benchmarks/okta-simulator.md](benchmarks/okta-simulator.md).\n";
    }
}
