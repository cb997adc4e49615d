package dev.roster.oktasimulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for Roster's hook endpoint: answers the verification challenge and records every POST. */
final class HookReceiver implements AutoCloseable {
    record Received(String method, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile long delayMillis;
    /** How many of the next POSTs get `failStatus` before `status` applies again. */
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failStatus = 500;

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestMethod(), Map.copyOf(ex.getRequestHeaders()), body));
            if ("GET".equals(ex.getRequestMethod())) {
                String challenge = ex.getRequestHeaders().getFirst("x-okta-verification-challenge");
                byte[] reply = ("{\"verification\":\"" + challenge + "\"}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, reply.length);
                ex.getResponseBody().write(reply);
                ex.close();
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failStatus : status;
            ex.sendResponseHeaders(answer, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/okta/acme";
    }

    List<Received> posts() {
        return received.stream().filter(r -> "POST".equals(r.method())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
