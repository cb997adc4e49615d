package dev.roster.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fault-injecting HTTP proxy between Roster and a simulated Okta org, for the reliability tests.
 * Roster's connection points at {@link #url()}; every Management API call passes through a
 * {@link Rule} that lets it through or answers it with a fault, and every fault is counted, so a
 * test can report exactly what it injected. (The simulator has faults of its own, but it neither
 * counts them nor fails one page of a listing, and its 429s wait for a whole minute's window.)
 */
public final class ReliabilityOktaProxy implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Fault {
    }

    /** Forward the request unchanged. */
    public record Pass() implements Fault {
    }

    /** Answer with this status and Okta's error body, without asking the org; 429 carries a near reset. */
    public record Answer(int status) implements Fault {
    }

    /** Hold the request this long, then close the connection without an answer (a time-out as the client sees it). */
    public record Hang(Duration duration) implements Fault {
    }

    /** Forward, but answer an empty page with no next link: the listing silently ends here. */
    public record EndListing() implements Fault {
    }

    /** Forward, but cut the answer's body in half: the connection dropped mid-page. */
    public record Truncate() implements Fault {
    }

    /** Decides each request's fault; {@code listingPage} counts app-user listing pages from 1, else 0. */
    @FunctionalInterface
    public interface Rule {
        Fault decide(String method, String path, int listingPage);
    }

    private static final Fault PASS = new Pass();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "reliability-okta-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong listingPages = new AtomicLong();
    private volatile Rule rule = (method, path, page) -> PASS;
    private volatile int pageLimit;

    private ReliabilityOktaProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a proxy in front of the org at {@code target} (e.g. the simulator's {@code orgUrl()}). */
    public static ReliabilityOktaProxy start(String target) {
        try {
            return new ReliabilityOktaProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Okta proxy", e);
        }
    }

    /**
     * Independent random faults per call, drawn from one seeded sequence: a share answered 500, a
     * share hung then dropped, and a share starting a burst of 429s (2 to 6 calls in a row).
     */
    public static Rule randomFaults(long seed, double serverErrors, double hangs, double bursts, Duration hang) {
        Random random = new Random(seed);
        int[] burstLeft = {0};
        return (method, path, page) -> {
            synchronized (random) {
                if (burstLeft[0] > 0) {
                    burstLeft[0]--;
                    return new Answer(429);
                }
                double roll = random.nextDouble();
                if (roll < serverErrors) {
                    return new Answer(500);
                }
                if (roll < serverErrors + hangs) {
                    return new Hang(hang);
                }
                if (roll < serverErrors + hangs + bursts) {
                    burstLeft[0] = 1 + random.nextInt(5);
                    return new Answer(429);
                }
                return PASS;
            }
        };
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Applies from now on; listing pages are counted again from 1. */
    public ReliabilityOktaProxy rule(Rule rule) {
        this.listingPages.set(0);
        this.rule = rule;
        return this;
    }

    /** Rewrites the first listing request's {@code limit}, so that a small org is listed over several pages. */
    public ReliabilityOktaProxy pageLimit(int limit) {
        this.pageLimit = limit;
        return this;
    }

    /** Requests and faults so far, by kind ({@code requests}, {@code 500}, {@code 429}, {@code hang}, …). */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Faults only: every count except {@code requests}. */
    public long faults() {
        return counts().entrySet().stream().filter(e -> !e.getKey().equals("requests"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            count("requests");
            String path = exchange.getRequestURI().getRawPath();
            boolean listing = "GET".equals(exchange.getRequestMethod()) && path.matches("/api/v1/apps/[^/]+/users");
            int page = listing ? (int) listingPages.incrementAndGet() : 0;
            Fault fault = rule.decide(exchange.getRequestMethod(), path, page);
            if (fault instanceof Answer answer) {
                answer(exchange, answer.status());
            } else if (fault instanceof Hang hang) {
                hang(hang.duration());
            } else {
                forward(exchange, fault);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        count(String.valueOf(status));
        if (status == 429) {
            // A burst at the end of a window: it resets this second, so Roster's wait for it stays short.
            exchange.getResponseHeaders().add("X-Rate-Limit-Limit", "100");
            exchange.getResponseHeaders().add("X-Rate-Limit-Remaining", "0");
            exchange.getResponseHeaders().add("X-Rate-Limit-Reset",
                    String.valueOf(Instant.now().getEpochSecond()));
        }
        String code = switch (status) {
            case 401 -> "E0000011";
            case 403 -> "E0000006";
            case 429 -> "E0000047";
            default -> "E0000009";
        };
        send(exchange, status, ("{\"errorCode\":\"" + code + "\",\"errorSummary\":\"injected by the reliability proxy\","
                + "\"errorLink\":\"" + code + "\",\"errorId\":\"oaeproxy\",\"errorCauses\":[]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void hang(Duration duration) throws InterruptedException {
        count("hang");
        Thread.sleep(duration.toMillis());
        // Closing without a status line: the client sees the connection drop, as after a time-out.
    }

    private void forward(HttpExchange exchange, Fault fault) throws IOException, InterruptedException {
        String query = exchange.getRequestURI().getRawQuery();
        if (pageLimit > 0 && query != null && query.contains("limit=") && !query.contains("after=")) {
            query = query.replaceAll("limit=\\d+", "limit=" + pageLimit);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query))).method(exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        for (String header : List.of("Authorization", "Accept", "Content-Type")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.equalsIgnoreCase("connection") && !name.equalsIgnoreCase("date")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v.replace(target, url())));
            }
        });
        byte[] body = response.body();
        if (fault instanceof EndListing && response.statusCode() == 200) {
            count("end-listing");
            exchange.getResponseHeaders().remove("Link");
            body = "[]".getBytes(StandardCharsets.UTF_8);
        } else if (fault instanceof Truncate && body.length > 1) {
            count("truncate");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), body.length);
            // Half the promised bytes, then the connection closes: the client reads a premature end.
            exchange.getResponseBody().write(body, 0, body.length / 2);
            return;
        }
        send(exchange, response.statusCode(), body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
