package dev.roster.oktasimulator.bench;

import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.SimulatorOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what the issue asks: 100,000 users in memory (heap after GC), the app-user list with
 * expand=user&limit=500 in pages per second (rate limits off), plus start-up time and single-user reads.
 * Prints a markdown table; with --write also writes it to docs/benchmarks/okta-simulator.md (or --write=PATH).
 */
public final class SimulatorBenchmark {
    private static final int USERS = 100_000;
    private static final int ROUNDS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        for (String arg : args) {
            if (arg.equals("--write")) {
                out = Path.of("docs/benchmarks/okta-simulator.md");
            } else if (arg.startsWith("--write=")) {
                out = Path.of(arg.substring("--write=".length()));
            }
        }
        List<String[]> rows = new ArrayList<>();

        long t0 = System.nanoTime();
        try (OktaSimulator small = OktaSimulator.start(SimulatorOptions.builder().users(200).build())) {
            get(small, "/api/v1/users?limit=1");
            rows.add(row("Start with 200 users until the first answer", ms(System.nanoTime() - t0) + " ms"));
        }

        long before = heapAfterGc();
        int heapRow;
        long start = System.nanoTime();
        OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(USERS).rateLimits(false).build());
        long startMs = ms(System.nanoTime() - start);
        try {
            long heap = heapAfterGc() - before;
            rows.add(row("Start with 100,000 users (generate + load)", String.format(Locale.ROOT, "%,d ms", startMs)));
            rows.add(row("Heap held by the 100,000-user org (after GC)", mb(heap) + " MB (limit 300 MB)"));
            heapRow = rows.size();

            String first = "/api/v1/apps/" + sim.appId() + "/users?expand=user&limit=500";
            walk(sim, first); // warm-up
            // Other work on the machine only ever slows a round down: report the best round and the median.
            List<Double> rates = new ArrayList<>();
            long bytes = 0;
            int pages = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long roundStart = System.nanoTime();
                long[] r = walk(sim, first);
                rates.add(r[0] / ((System.nanoTime() - roundStart) / 1e9));
                pages = (int) r[0];
                bytes = r[1];
            }
            rates.sort(null);
            double best = rates.get(rates.size() - 1);
            rows.add(row("`apps/{id}/users?expand=user&limit=500`, one client following `next` (" + pages
                    + " pages of " + (bytes / pages / 1024) + " KB, best of " + ROUNDS + " walks)",
                    String.format(Locale.ROOT, "%.0f pages/s (median %.0f; %.0f MB/s, %.0f users/s)", best,
                            rates.get(rates.size() / 2), best * bytes / pages / 1e6, best * 500)));
            List<Double> parallel = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parallel.add(parallelPages(sim, first, 4));
            }
            parallel.sort(null);
            rows.add(row("Same list, 4 clients in parallel (best of 3)", String.format(Locale.ROOT,
                    "%.0f pages/s (median %.0f)", parallel.get(2), parallel.get(1))));

            List<String> ids = new ArrayList<>();
            sim.org().userPage(null, 2000, u -> true).items().forEach(u -> ids.add(u.id()));
            long getStart = System.nanoTime();
            for (String id : ids) {
                get(sim, "/api/v1/users/" + id);
            }
            double getSeconds = (System.nanoTime() - getStart) / 1e9;
            rows.add(row("`GET /api/v1/users/{id}`, one client (" + ids.size() + " calls)",
                    String.format(Locale.ROOT, "%.0f requests/s", ids.size() / getSeconds)));
            rows.add(heapRow, row("Heap held after serving all of the above (after GC)",
                    mb(heapAfterGc() - before) + " MB"));
        } finally {
            sim.close();
        }

        String table = render(rows);
        System.out.println(table);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
            System.err.println("written to " + out.toAbsolutePath());
        }
    }

    /** Follows next links from the first page; returns {pages, bytes}. */
    private static long[] walk(OktaSimulator sim, String first) throws IOException, InterruptedException {
        String url = sim.orgUrl() + first;
        long pages = 0;
        long bytes = 0;
        while (url != null) {
            HttpResponse<byte[]> r = HTTP.send(request(sim, url), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("page answered " + r.statusCode());
            }
            pages++;
            bytes += r.body().length;
            url = null;
            for (String link : r.headers().allValues("Link")) {
                if (link.endsWith("rel=\"next\"")) {
                    url = link.substring(1, link.indexOf('>'));
                }
            }
        }
        return new long[] {pages, bytes};
    }

    private static double parallelPages(OktaSimulator sim, String first, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> walk(sim, first)));
            }
            long pages = 0;
            for (Future<long[]> f : futures) {
                pages += f.get()[0];
            }
            return pages / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void get(OktaSimulator sim, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(request(sim, sim.orgUrl() + path), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }

    private static HttpRequest request(OktaSimulator sim, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "SSWS " + sim.apiToken())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String render(List<String[]> rows) {
        Runtime rt = Runtime.getRuntime();
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        StringBuilder md = new StringBuilder("# okta-simulator benchmark\n\n")
                .append("Run: `mvn -q -pl okta-simulator -am -DskipTests package && java -cp ")
                .append("okta-simulator/target/okta-simulator.jar dev.roster.oktasimulator.bench.SimulatorBenchmark")
                .append(" --write` (from the repository root).\n\n")
                .append("Machine: ").append(rt.availableProcessors()).append(" cores, ")
                .append(physical > 0 ? mb(physical) / 1024.0 > 1 ? String.format(Locale.ROOT, "%.1f GB",
                        physical / 1024.0 / 1024 / 1024) : mb(physical) + " MB" : "unknown").append(" memory, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vendor")).append("), max heap ")
                .append(mb(rt.maxMemory())).append(" MB, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(String.format(Locale.ROOT,
                        "; system load average %.1f when the table was printed (other work on the machine slows"
                        + " every figure).", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append("\n\nMeasured ").append(Instant.now().toString(), 0, 16)
                .append("Z. Rate limits off; client and simulator in one JVM over loopback HTTP/1.1.\n\n")
                .append("| measure | result |\n|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n");
        }
        return md.toString();
    }

    private static String[] row(String measure, String result) {
        return new String[] {measure, result};
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
