import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roster's benchmark: runs the built okta-simulator and roster jars as separate processes (Roster as
 * 1 or 3 instances on one PostgreSQL database, {@code roster_bench} or {@code $BENCH_DB}) and
 * drives them over HTTP. Prints a markdown table; {@code --write} also writes docs/BENCHMARKS.md.
 * A measurement, never a test.
 *
 * <p>Usage: bench/run [--quick] [--hooks-only] [--write] [--only=reconcile,hooks,sso,wave,limits]
 * [--instances=1,3] (cluster sizes for the hook scenarios; {@code --quick} uses 1 unless told). {@code BENCH_ROSTER_JAR} runs another
 * build of Roster.
 *
 * <p>With 3 instances the harness spreads hook deliveries round-robin over the instances itself
 * (no load balancer in between); Okta's real hooks go to one instance's URL.
 */
public class ProvisioningBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    static final String TOKEN = "bench-api-token-0123456789";
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final List<String[]> ROWS = Collections.synchronizedList(new ArrayList<>() {
        @Override
        public boolean add(String[] row) {
            System.err.println("[" + Instant.now() + "] " + String.join(" | ", row)); // progress, while the run goes on
            return super.add(row);
        }
    });
    static final List<String[]> TARGETS = new ArrayList<>();
    static final List<Process> PROCESSES = Collections.synchronizedList(new ArrayList<>());
    static final String HOOK_URI = "uri=\"/hooks/okta/{key}\"";
    /** Dropped and created afresh for each scenario. */
    static final String DB = System.getenv().getOrDefault("BENCH_DB", "roster_bench");

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        boolean quick = flags.contains("--quick");
        boolean write = flags.contains("--write");
        List<String> only = flags.stream().filter(f -> f.startsWith("--only=")).findFirst()
                .map(f -> List.of(f.substring(7).split(","))).orElse(
                        flags.contains("--hooks-only") ? List.of("hooks") : List.of("reconcile", "hooks", "sso", "wave", "limits"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly)));
        String startLoad = load();
        Instant started = Instant.now();
        if (only.contains("reconcile")) {
            scenario("reconcile 10,000", () -> reconcile(quick ? 5_000 : 10_000));
            if (!quick) {
                scenario("reconcile 100,000", () -> reconcile(100_000));
            }
        }
        List<Integer> clusterSizes = flags.stream().filter(f -> f.startsWith("--instances=")).findFirst()
                .map(f -> List.of(f.substring(12).split(",")).stream().map(Integer::valueOf).toList()).orElse(quick ? List.of(1) : List.of(1, 3));
        if (only.contains("hooks") || only.contains("sso")) {
            scenario("hooks and SSO, " + clusterSizes.get(0) + " instance(s)", () -> hooks(clusterSizes.get(0),
                    quick ? 3 : 10, only.contains("hooks"), only.contains("sso") ? (quick ? 50 : 300) : 0));
            if (only.contains("hooks")) {
                for (int size : clusterSizes.subList(1, clusterSizes.size())) {
                    scenario("hooks, " + size + " instances", () -> hooks(size, quick ? 3 : 10, true, 0));
                }
            }
        }
        if (only.contains("wave")) {
            scenario("nightly wave", () -> wave(quick ? 20 : 1_000, 200, quick ? 1 : 3));
        }
        if (only.contains("limits")) {
            scenario("under Okta's limits", () -> rateLimited(quick ? 5_000 : 10_000));
        }
        String conditions = String.format("Load average (1 min) at the start %s, at the end %s; the run took %d min.",
                startLoad, load(), Duration.between(started, Instant.now()).toMinutes());
        String out = table(List.of("measurement", "result", "detail"), ROWS) + "\n" + conditions + "\n";
        System.out.println(out);
        if (write) {
            Path file = ROOT.resolve("docs/BENCHMARKS.md");
            // Hand-written analysis after the first "## " heading that follows the figures is kept.
            String existing = Files.exists(file) ? Files.readString(file) : "";
            int notes = existing.indexOf("\n## How to run");
            Files.writeString(file, document(out, quick) + (notes < 0 ? "" : existing.substring(notes)));
            System.out.println("Wrote docs/BENCHMARKS.md");
        }
        PROCESSES.forEach(Process::destroy);
        System.exit(0);
    }

    // ---- scenarios ----------------------------------------------------------------------------

    interface Scenario {
        void run() throws Exception;
    }

    /** Runs a scenario; a failure becomes a row of the table and the next scenario still runs. */
    static void scenario(String name, Scenario scenario) {
        try {
            scenario.run();
        } catch (Exception e) {
            e.printStackTrace();
            ROWS.add(new String[] {name, "**failed**", String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' ')});
        } finally {
            List.copyOf(PROCESSES).forEach(Process::destroy);
        }
    }

    /** Reconciliation of n users: all new, all unchanged, 5 % changed. Rate limits off. */
    static void reconcile(int n) throws Exception {
        Sim sim = Sim.start(n, "off", Map.of());
        Cluster roster = Cluster.start(1, "256m", Map.of());
        roster.connect(sim, "0.5");
        for (String phase : List.of("all new", "unchanged", "5 % changed")) {
            if (phase.startsWith("5")) {
                sim.changeShare(0.05);
            }
            HeapSampler heap = new HeapSampler(roster.first());
            Run run = roster.reconcile(Duration.ofMinutes(30));
            heap.stop();
            double seconds = run.seconds();
            long rate = (long) (run.listed / seconds);
            ROWS.add(new String[] {"Reconcile " + fmt(n) + " users, " + phase, fmt(rate) + " users/s",
                    String.format("%.1f s; created %d, updated %d, unchanged %d; peak heap %d MB (-Xmx256m); load %s",
                            seconds, run.created, run.updated, run.unchanged, heap.peakMb(), load())});
            if (n == 100_000 && phase.equals("all new")) {
                target("Reconcile 100,000 users, all new: ≥ 3,000 users/s", fmt(rate) + " users/s", rate >= 3_000);
            }
            if (n == 100_000 && phase.equals("unchanged")) {
                target("Reconcile 100,000 users, unchanged: ≥ 10,000 users/s", fmt(rate) + " users/s", rate >= 10_000);
            }
            if (n == 100_000) {
                target("Heap ≤ 256 MB during a 100,000-user reconciliation (" + phase + ")",
                        "peak " + heap.peakMb() + " MB used, with `-Xmx256m`", heap.peakMb() <= 256);
            }
        }
        roster.stop();
        sim.stop();
    }

    /**
     * Hook ingest at fixed offered loads against {@code instances} Roster instances, then event →
     * person updated through the simulator's real hooks, then (optionally) SSO callback latency.
     */
    static void hooks(int instances, int secondsPerLoad, boolean ingest, int signIns) throws Exception {
        Sim sim = Sim.start(2_000, "off", Map.of("--hook-batch-ms", "10", "--auto-login", ""));
        Cluster roster = Cluster.start(instances, "512m", Map.of());
        String secret = roster.connect(sim, "0.5");
        roster.reconcile(Duration.ofMinutes(5));
        String on = instances == 1 ? "1 instance" : instances + " instances, round-robin";
        if (ingest) {
            List<String> users = sim.userIds(500);
            roster.hookLoad(secret, users, 50, Duration.ofSeconds(secondsPerLoad < 10 ? 2 : 5),
                    "user.account.update_profile", FIXED_POOL); // warm-up, not reported
            Thread.sleep(secondsPerLoad < 10 ? 1000 : 2000);
            for (Senders senders : List.of(FIXED_POOL, new Senders.Unbounded())) {
                for (int rate : List.of(100, 200, 500)) {
                    Load load = roster.hookLoad(secret, users, rate, Duration.ofSeconds(secondsPerLoad),
                            "user.account.update_profile", senders);
                    ROWS.add(new String[] {"Hook ingest, offered " + rate + "/s, " + label(senders) + ", " + on,
                            fmt((long) load.achieved) + " deliveries/s", describe(load)});
                    if (senders == FIXED_POOL && rate == 200) {
                        target("Hook `POST` acknowledged with p99 ≤ 20 ms at 200 deliveries/s, 8 connections (" + on + ")",
                                String.format("p99 %.1f ms (server-side ≤ %s), %d/s; load %s", load.p99,
                                        ms(load.serverP99), (long) load.achieved, load.loadAverage), load.p99 <= 20);
                        target("Roster + PostgreSQL CPU ≤ 1.5 ms per delivery at 200/s (" + on + ")",
                                String.format("%.2f ms; load %s", load.rosterCpuMs + load.pgCpuMs, load.loadAverage),
                                load.rosterCpuMs + load.pgCpuMs <= 1.5);
                    }
                    if (senders == FIXED_POOL && rate == 500) {
                        target("Hook `POST` acknowledged with p99 ≤ 50 ms at 500 deliveries/s, 8 connections (" + on + ")",
                                String.format("p99 %.1f ms, %d/s; load %s", load.p99, (long) load.achieved,
                                        load.loadAverage), load.p99 <= 50);
                    }
                    Thread.sleep(secondsPerLoad < 10 ? 1000 : 3000);
                }
            }
            awaitNoSyncJobs(Duration.ofMinutes(2)); // the edge alone: no backlog of jobs spending CPU meanwhile
            Load edge = roster.hookLoad(secret, users, 200, Duration.ofSeconds(secondsPerLoad), "user.session.start",
                    FIXED_POOL);
            ROWS.add(new String[] {"Hook ingest without sync jobs (an event type Roster ignores), offered 200/s, "
                    + label(FIXED_POOL) + ", " + on, fmt((long) edge.achieved) + " deliveries/s", describe(edge)});
            List<Double> latencies = eventToPerson(sim, roster, secret, users);
            double p50 = percentile(latencies, 50);
            double p99 = percentile(latencies, 99);
            ROWS.add(new String[] {"Okta change → person updated (40 events, real hooks), " + on,
                    String.format("p50 %.0f ms", p50),
                    String.format("p99 %.0f ms (includes the simulator's 10 ms batch window and Roster's read of the"
                            + " user); load %s", p99, load())});
            target("Event received → person updated: p50 ≤ 300 ms, p99 ≤ 2 s (" + on + ")",
                    String.format("p50 %.0f ms, p99 %.0f ms", p50, p99), p50 <= 300 && p99 <= 2000);
        }
        if (signIns > 0) {
            ssoCallbacks(sim, roster.first(), signIns);
        }
        roster.stop();
        sim.stop();
    }

    /** Waits until the per-user sync jobs the loads queued have all run (or the time is up). */
    static void awaitNoSyncJobs(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !psql(DB, "SELECT count(*) FROM scheduled_tasks"
                + " WHERE task_name = 'okta-user-sync'").strip().equals("0")) {
            Thread.sleep(500);
        }
    }

    static List<Double> eventToPerson(Sim sim, Cluster roster, String secret, List<String> users) throws Exception {
        sim.registerHook(roster.first().base + "/hooks/okta/bench", secret);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = users.get(i);
            String city = "Bench " + i + " " + UUID.randomUUID().toString().substring(0, 6);
            long t0 = System.nanoTime();
            sim.post("/api/v1/users/" + user, "{\"profile\":{\"city\":\"" + city + "\"}}");
            while (!roster.first().get("/api/v1/accounts/bench/people?oktaId=" + user).contains(city)) {
                Thread.sleep(5);
                if (System.nanoTime() - t0 > 30_000_000_000L) {
                    throw new IllegalStateException("event never arrived");
                }
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        return latencies;
    }

    /**
     * The OIDC callback {@code /login/oauth2/code/{key}} against the simulator with auto-login: each
     * sign-in starts at Roster, passes the simulator's authorize endpoint, and the callback (code
     * exchange, ID token checks, matching, audit, session) is timed.
     */
    static void ssoCallbacks(Sim sim, Roster roster, int signIns) throws Exception {
        List<String> logins = sim.logins(200);
        int warmUp = 20;
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < warmUp + signIns; i++) {
            String login = logins.get(i % logins.size());
            double took;
            try {
                took = signIn(roster, login);
            } catch (IOException e) {
                took = signIn(roster, login); // a pooled connection the server had closed: once more
            }
            if (i >= warmUp) {
                latencies.add(took);
            }
        }
        double p99 = percentile(latencies, 99);
        ROWS.add(new String[] {"SSO callback `/login/oauth2/code/{key}` (" + signIns + " sign-ins, 1 instance)",
                String.format("p50 %.1f ms", percentile(latencies, 50)),
                String.format("p99 %.1f ms; code exchange and JWKS against the simulator on the same machine; load %s",
                        p99, load())});
    }

    /** One sign-in from Roster's start URL through the simulator; returns the callback's time in ms. */
    static double signIn(Roster roster, String login) throws Exception {
        Map<String, String> cookies = new HashMap<>();
        String location = roster.base + "/sso/okta/bench/start?login_hint=" + URLEncoder.encode(login, StandardCharsets.UTF_8);
        while (location.startsWith(roster.base)) {
            location = roster.redirect(location, cookies);
        }
        HttpResponse<Void> authorized = HTTP.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String callback = authorized.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("authorize answered " + authorized.statusCode()));
        long t0 = System.nanoTime();
        String landed = roster.redirect(callback, cookies);
        double took = (System.nanoTime() - t0) / 1e6;
        if (landed.contains("error") || landed.contains("sign-in")) {
            throw new IllegalStateException("sign-in failed, landed on " + landed);
        }
        return took;
    }

    /**
     * The nightly wave: {@code accounts} accounts, each connected to the simulator's one org of
     * {@code users} people (each a first import), all with the same daily time; measures when each
     * account's run starts and ends after that time.
     */
    static void wave(int accounts, int users, int instances) throws Exception {
        Sim sim = Sim.start(users, "off", Map.of());
        Cluster roster = Cluster.start(instances, "512m", Map.of("ROSTER_PROVISIONING_SCHEDULE_CHECK", "5s"));
        List<String> keys = roster.createAccounts(accounts);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> saves = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Roster target = roster.instances.get(i % roster.instances.size());
            saves.add(pool.submit(() -> target.connect(key, accountToken(key), sim, "0.5", "\"syncTimeUtc\":\"00:00\",")));
        }
        for (Future<?> save : saves) {
            save.get();
        }
        pool.shutdown();
        // The daily time is set in the database once every account is connected, so the wave starts within the run.
        Instant due = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        String at = due.atOffset(ZoneOffset.UTC).toLocalTime().toString();
        psql(DB, "UPDATE okta_connection SET sync_time_utc = '" + at + "'");
        long deadline = System.nanoTime() + Duration.ofMinutes(accounts >= 500 ? 25 : 10).toNanos();
        List<double[]> runs;
        while (true) {
            Thread.sleep(2000);
            runs = new ArrayList<>();
            String rows = psql(DB, "SELECT extract(epoch from started_at), extract(epoch from finished_at)"
                    + " FROM okta_sync_run WHERE run_trigger = 'schedule' AND status IN ('succeeded', 'failed', 'held')");
            for (String line : rows.split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\\|");
                    runs.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
                }
            }
            if (runs.size() >= accounts) {
                break;
            }
            if (System.nanoTime() > deadline) {
                break; // reported below as runs not finished
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("no daily run finished");
        }
        double dueAt = due.getEpochSecond();
        List<Double> delays = runs.stream().map(r -> r[0] - dueAt).toList();
        List<Double> durations = runs.stream().map(r -> r[1] - r[0]).toList();
        double total = runs.stream().mapToDouble(r -> r[1]).max().orElseThrow() - dueAt;
        double worstFinish = total;
        String failed = psql(DB, "SELECT count(*) FROM okta_sync_run WHERE run_trigger = 'schedule'"
                + " AND status <> 'succeeded'").strip();
        ROWS.add(new String[] {"Nightly wave: " + fmt(accounts) + " accounts × " + users + " users (first import), "
                        + (instances == 1 ? "1 instance" : instances + " instances"),
                String.format("%.0f s in total", total),
                String.format("worst account's start delay %.1f s (p50 %.1f s), worst account done %.0f s after the"
                                + " daily time; one run takes p50 %.2f s, p99 %.2f s; %d runs not finished, %s not succeeded;"
                                + " `ROSTER_PROVISIONING_SCHEDULE_SPREAD`=%s; load %s",
                        Collections.max(delays), percentile(delays, 50), worstFinish, percentile(durations, 50),
                        percentile(durations, 99), accounts - runs.size(), failed,
                        System.getenv().getOrDefault("ROSTER_PROVISIONING_SCHEDULE_SPREAD", "default"), load())});
        roster.stop();
        sim.stop();
    }

    /** A reconciliation under Okta-style limits (apps bucket 20/min, share 50 %) against the bound the limit imposes. */
    static void rateLimited(int n) throws Exception {
        int limit = 20;
        double share = 0.5;
        Sim sim = Sim.start(n, "okta", Map.of("--rate-limit", "apps=" + limit));
        Cluster roster = Cluster.start(1, "256m", Map.of());
        roster.connect(sim, String.valueOf(share));
        Run run = roster.reconcile(Duration.ofMinutes(30));
        int pages = (n + 499) / 500;
        int perWindow = (int) Math.floor(limit * share);
        long windowsToWait = (pages - 1) / perWindow;
        Instant start = run.startedAt;
        long offset = start.getEpochSecond() % 60;
        double bound = windowsToWait == 0 ? 0 : windowsToWait * 60.0 - offset - start.getNano() / 1e9;
        double ratio = bound == 0 ? 0 : run.seconds() / bound;
        ROWS.add(new String[] {"Reconcile " + fmt(n) + " users under Okta limits (apps " + limit + "/min, share 50 %)",
                String.format("%.1f s", run.seconds()),
                String.format("bound the limit imposes %.1f s (%d pages, %d per window); ratio %.2f; %d rate-limit waits",
                        bound, pages, perWindow, ratio, run.waits)});
        if (bound > 0) {
            target("Under Okta's limits: ≤ 1.1 × the time the limit imposes", String.format("%.2f ×", ratio),
                    ratio <= 1.1);
        }
        roster.stop();
        sim.stop();
    }

    // ---- processes ----------------------------------------------------------------------------

    record Run(int listed, int created, int updated, int unchanged, int waits, Instant startedAt, Instant finishedAt) {
        double seconds() {
            return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        }
    }

    /** How the load generator holds its connections while it offers deliveries open loop. */
    sealed interface Senders {

        /** A webhook dispatcher's way: this many keep-alive connections; a due delivery waits for a free one. */
        record FixedPool(int connections) implements Senders {
        }

        /** A connection for every delivery in flight: a slow answer never delays the next send. */
        record Unbounded() implements Senders {
        }
    }

    interface Outcome {
        /** Delivery due at {@code due} (nanoTime) answered {@code status}, or 0 when it failed without one. */
        void done(long due, int status);
    }

    /** Sends deliveries 0 … total-1, each no earlier than its due time, and waits until all are answered. */
    static void offer(Senders senders, long total, LongUnaryOperator due, LongFunction<HttpRequest> request,
            Outcome outcome) throws Exception {
        if (senders instanceof Senders.FixedPool pool) {
            AtomicLong next = new AtomicLong();
            ExecutorService connections = Executors.newFixedThreadPool(pool.connections());
            for (int c = 0; c < pool.connections(); c++) {
                connections.submit(() -> {
                    // One client per connection, used by one thread a request at a time: one keep-alive socket.
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        long dueAt = due.applyAsLong(n);
                        for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        int status;
                        try {
                            status = client.send(request.apply(n), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            status = 0;
                        }
                        outcome.done(dueAt, status);
                    }
                    return null;
                });
            }
            connections.shutdown();
            if (!connections.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the load did not drain in 10 minutes");
            }
            return;
        }
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        // Unbounded: the JDK client opens another connection whenever all are busy.
        long first = due.applyAsLong(0);
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            long dueAt = due.applyAsLong(n);
            inFlight.add(HTTP.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> outcome.done(dueAt,
                            failure != null ? 0 : response.statusCode())));
        }, Math.max(0, first - System.nanoTime()), Math.max(1, due.applyAsLong(1) - first), TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(20);
        }
        ticker.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    /** The primary hook figure: a webhook dispatcher's fixed pool of keep-alive connections. */
    static final Senders FIXED_POOL = new Senders.FixedPool(8);

    static String label(Senders senders) {
        return senders instanceof Senders.FixedPool pool ? pool.connections() + " connections"
                : "unbounded connections";
    }

    static String describe(Load load) {
        return String.format("ack p50 %.1f ms, p99 %.1f ms from the scheduled send (server-side p50 ≤ %s, p99 ≤ %s);"
                        + " %d errors; CPU %.2f ms/delivery (Roster %.2f + PostgreSQL %.2f); load %s",
                load.p50, load.p99, ms(load.serverP50), ms(load.serverP99), load.errors,
                load.rosterCpuMs + load.pgCpuMs, load.rosterCpuMs, load.pgCpuMs, load.loadAverage);
    }

    record Load(double achieved, double p50, double p99, long errors, double serverP50, double serverP99,
            double rosterCpuMs, double pgCpuMs, String loadAverage) {
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
                if (!v.isEmpty()) {
                    cmd.add(v);
                }
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
            return matches(appUsers(max), "\"id\":\"(00u[^\"]+)\"", max);
        }

        List<String> logins(int max) throws Exception {
            return matches(send(HttpRequest.newBuilder(URI.create(orgUrl + "/api/v1/users?limit=" + Math.min(max, 200)))
                    .header("Authorization", "SSWS " + apiToken).GET().build()), "\"login\":\"([^\"]+)\"", max);
        }

        private String appUsers(int max) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(orgUrl + "/api/v1/apps/" + clientId + "/users?limit="
                    + Math.min(max, 500))).header("Authorization", "SSWS " + apiToken).GET().build());
        }

        private static List<String> matches(String body, String regex, int max) {
            List<String> found = new ArrayList<>();
            Matcher m = Pattern.compile(regex).matcher(body);
            while (m.find() && found.size() < max) {
                if (!found.contains(m.group(1))) {
                    found.add(m.group(1));
                }
            }
            return found;
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

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** One or more Roster instances on the benchmark database, created afresh. */
    static final class Cluster {
        final List<Roster> instances = new ArrayList<>();

        static Cluster start(int count, String heap, Map<String, String> env) throws Exception {
            psql("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            psql("postgres", "CREATE DATABASE " + DB);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secretsKey = Base64.getEncoder().encodeToString(key);
            Cluster cluster = new Cluster();
            // the first instance migrates the schema and creates the bench account; the others join it
            cluster.instances.add(Roster.start(heap, secretsKey, env));
            List<CompletableFuture<Roster>> others = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                others.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return Roster.start(heap, secretsKey, env);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<Roster> other : others) {
                cluster.instances.add(other.join());
            }
            return cluster;
        }

        Roster first() {
            return instances.get(0);
        }

        String connect(Sim sim, String share) throws Exception {
            return first().connect("bench", TOKEN, sim, share, "");
        }

        Run reconcile(Duration timeout) throws Exception {
            return first().reconcile(timeout);
        }

        /** Accounts bench-0001…, each with an owner API token, written straight to the database. */
        List<String> createAccounts(int count) throws Exception {
            List<String> keys = new ArrayList<>();
            StringBuilder sql = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                String key = String.format("wave-%04d", i);
                keys.add(key);
                UUID id = UUID.randomUUID();
                sql.append("INSERT INTO account (id, account_key, name, created_at) VALUES ('").append(id).append("', '")
                        .append(key).append("', 'Wave ").append(i).append("', now());\n")
                        .append("INSERT INTO api_token (id, account_id, name, token_hash, role, created_at) VALUES ('")
                        .append(UUID.randomUUID()).append("', '").append(id).append("', 'bench', '")
                        .append(sha256(accountToken(key))).append("', 'owner', now());\n");
            }
            psql(DB, sql.toString());
            return keys;
        }

        /**
         * Offers deliveries at a fixed rate for a while, round-robin over the instances, open loop:
         * delivery n is due at {@code t0 + n / rate} whatever happened to the others, and its
         * latency counts from that due time, so a slow answer that delays the next sends is charged
         * to them too. With a {@link Senders#fixedPool fixed pool} (a webhook dispatcher's way) a
         * delivery waits for a free connection; {@link Senders#unbounded} opens another instead.
         * Measures the acknowledgement latency at the client and in the servers, and the CPU spent
         * per delivery.
         */
        Load hookLoad(String secret, List<String> users, int rate, Duration duration, String eventType,
                Senders senders) throws Exception {
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            long total = rate * duration.toSeconds();
            long periodNanos = 1_000_000_000L / rate;
            Map<Double, Double> bucketsBefore = hookHistogram();
            long rosterCpu = cpuTicks(instances.stream().map(r -> r.process.pid()).toList());
            List<Long> backends = pgBackends();
            long pgCpu = cpuTicks(backends);
            long t0 = System.nanoTime();
            offer(senders, total, n -> t0 + n * periodNanos, n -> {
                Roster target = instances.get((int) (n % instances.size()));
                String user = users.get((int) (n % users.size()));
                String body = "{\"eventType\":\"com.okta.event_hook\",\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"data\":{\"events\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"eventType\":\""
                        + eventType + "\",\"published\":\"" + Instant.now() + "\",\"target\":"
                        + "[{\"id\":\"" + user + "\",\"type\":\"User\"}]}]}}";
                return HttpRequest.newBuilder(URI.create(target.base + "/hooks/okta/bench"))
                        .header("Authorization", secret).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }, (due, status) -> {
                if (status != 204) {
                    errors.incrementAndGet();
                } else {
                    latencies.add((System.nanoTime() - due) / 1e6);
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            String loadAverage = load();
            double tickMs = 1000.0 / 100; // USER_HZ
            double rosterMs = (cpuTicks(instances.stream().map(r -> r.process.pid()).toList()) - rosterCpu) * tickMs;
            double pgMs = (cpuTicks(backends) - pgCpu) * tickMs;
            Map<Double, Double> buckets = hookHistogram();
            buckets.replaceAll((le, count) -> count - bucketsBefore.getOrDefault(le, 0.0));
            List<Double> sorted = new ArrayList<>(latencies);
            long delivered = Math.max(1, sorted.size());
            return new Load(sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99), errors.get(),
                    histogramPercentile(buckets, 0.50), histogramPercentile(buckets, 0.99), rosterMs / delivered,
                    pgMs / delivered, loadAverage);
        }

        /** The servers' histogram of hook POST durations: upper bound (s) → cumulative count, summed over instances. */
        Map<Double, Double> hookHistogram() throws Exception {
            Map<Double, Double> buckets = new TreeMap<>();
            Pattern bucket = Pattern.compile("le=\"([^\"]+)\"[^}]*\\} ([0-9.E+]+)");
            for (Roster roster : instances) {
                for (String line : roster.get("/actuator/prometheus").split("\n")) {
                    if (line.startsWith("http_server_requests_seconds_bucket") && line.contains(HOOK_URI)
                            && line.contains("method=\"POST\"")) {
                        Matcher m = bucket.matcher(line);
                        if (m.find() && !m.group(1).equals("+Inf")) {
                            buckets.merge(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double::sum);
                        }
                    }
                }
            }
            return buckets;
        }

        void stop() throws InterruptedException {
            for (Roster roster : instances) {
                roster.stop();
            }
        }
    }

    static final class Roster {
        String base;
        Process process;

        static Roster start(String heap, String secretsKey, Map<String, String> extraEnv) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx" + heap));
            String extraOpts = System.getenv("BENCH_ROSTER_OPTS");
            if (extraOpts != null && !extraOpts.isBlank()) {
                cmd.addAll(List.of(extraOpts.strip().split("\\s+")));
            }
            String jar = System.getenv().getOrDefault("BENCH_ROSTER_JAR", ROOT.resolve("roster/target/roster.jar").toString());
            cmd.addAll(List.of("-jar", jar, "--server.port=" + port,
                    "--management.metrics.distribution.percentiles-histogram.http.server.requests=true"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB + "?reWriteBatchedInserts=true");
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "");
            env.put("ROSTER_BOOTSTRAP_ACCOUNT", "bench");
            env.put("ROSTER_BOOTSTRAP_API_TOKEN", TOKEN);
            env.put("ROSTER_SECRETS_KEY", secretsKey);
            env.put("ROSTER_PROVISIONING_SCHEDULE_CHECK", "24h");
            env.put("DB_SCHEDULER_POLLING_INTERVAL", "100ms");
            env.put("LOGGING_LEVEL_ROOT", "WARN");
            env.putAll(extraEnv);
            Roster roster = new Roster();
            roster.base = "http://localhost:" + port;
            roster.process = pb.start();
            PROCESSES.add(roster.process);
            long deadline = System.nanoTime() + 240_000_000_000L;
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

        /** Saves an account's connection to the simulator; returns the hook secret. */
        String connect(String key, String token, Sim sim, String share, String extraJson) throws Exception {
            String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/" + key + "/okta"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{" + extraJson + "\"orgUrl\":\"" + sim.orgUrl
                            + "\",\"clientId\":\"" + sim.clientId + "\",\"clientSecret\":\"" + sim.clientSecret
                            + "\",\"apiToken\":\"" + sim.apiToken + "\",\"ssoEnabled\":true,\"provisioningEnabled\":true,"
                            + "\"rateLimitShare\":" + share + "}")).build());
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

        /** GETs a URL of this instance with the browser's cookies; returns where it redirects to (absolute). */
        String redirect(String url, Map<String, String> cookies) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(url + " answered " + response.statusCode()));
            return URI.create(url).resolve(location).toString();
        }

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                    .GET().build());
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
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

    static String accountToken(String key) {
        return "bench-token-" + key + "-0123456789";
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException(request.uri() + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Runs SQL with psql against a database on 127.0.0.1; returns the unaligned, tuples-only output. */
    static String psql(String database, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-q", "-At",
                "-v", "ON_ERROR_STOP=1", "-f", "-").redirectErrorStream(true).start();
        p.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    /** The server processes of PostgreSQL serving the benchmark database (Roster's pooled connections). */
    static List<Long> pgBackends() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String line : psql("postgres", "SELECT pid FROM pg_stat_activity WHERE datname = '" + DB + "'").split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    /** User + system CPU of these processes and their threads, in clock ticks; a process gone counts 0. */
    static long cpuTicks(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                // ended
            }
        }
        return ticks;
    }

    /** The 1-minute load average. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The upper bound of the histogram bucket holding this quantile (seconds), or NaN without samples. */
    static double histogramPercentile(Map<Double, Double> cumulative, double quantile) {
        double total = cumulative.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (total == 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= quantile * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static String ms(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : Double.isInfinite(seconds) ? "∞" : String.format("%.1f ms", seconds * 1000);
    }

    static void target(String target, String measured, boolean met) {
        TARGETS.add(new String[] {target, measured, met ? "met" : "**not met**"});
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

    static String table(List<String> header, List<String[]> rows) {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", header) + " |\n|"
                + "---|".repeat(header.size()) + "\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String document(String figures, boolean quick) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memoryMb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
        String pg = "";
        try {
            pg = psql("postgres", "SHOW server_version").strip();
        } catch (Exception e) {
            pg = "?";
        }
        return "# Benchmarks\n\nMeasured by `bench/run" + (quick ? " --quick" : "") + " --write` on " + LocalDate.now()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + fmt(memoryMb)
                + " MB RAM, " + ManagementFactory.getOperatingSystemMXBean().getName() + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + ", PostgreSQL "
                + pg + " on 127.0.0.1. Roster (1 or 3 instances) and the simulator run as separate processes on the"
                + " same machine; Roster's heap is capped as shown. *load* is the machine's 1-minute load average when"
                + " the figure was taken. Hook loads are offered open loop (delivery n is due at n / rate) and their"
                + " latency counts from each delivery's due time; *8 connections* is the primary figure (a webhook"
                + " dispatcher's fixed pool of keep-alive connections: a due delivery waits for a free one),"
                + " *unbounded connections* opens another connection whenever all are busy and hides a slow"
                + " server's queue.\n\n" + figures
                + "\n## Against the targets\n\n" + table(List.of("target", "measured", ""), TARGETS)
                + "\nThe simulator's own figures are in [benchmarks/okta-simulator.md](benchmarks/okta-simulator.md).\n";
    }
}
