package dev.roster.oktasimulator.hooks;

import dev.roster.oktasimulator.Faults;
import dev.roster.oktasimulator.HookDelivery;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.OrgEvent;
import dev.roster.oktasimulator.internal.Timestamps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers events to hooks as Okta does: batched within a window, POSTed with the hook's auth header and
 * custom headers, 3 s timeout, one retry on timeout or 5xx and none on 4xx. Deliveries to one hook go
 * out one at a time in order unless a fault delays or reorders them.
 */
public final class HookDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HookDispatcher.class.getName());

    private final Map<String, EventHook> hooks = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    private final List<HookDelivery> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final SystemLogEvents events;
    private final Faults faults;
    private final String orgUrl;
    private final long batchMillis;
    private final Duration timeout;

    public HookDispatcher(SystemLogEvents events, Faults faults, String orgUrl, Duration batchWindow,
            Duration timeout) {
        this.events = events;
        this.faults = faults;
        this.orgUrl = orgUrl;
        this.batchMillis = batchWindow.toMillis();
        this.timeout = timeout;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("okta-sim-hook-timer"));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public void register(EventHook hook) {
        hooks.put(hook.id, hook);
    }

    public EventHook hook(String id) {
        return hooks.get(id);
    }

    public List<EventHook> hooks() {
        List<EventHook> list = new ArrayList<>(hooks.values());
        list.sort((a, b) -> Long.compare(a.created, b.created));
        return list;
    }

    public void remove(String id) {
        hooks.remove(id);
    }

    public List<HookDelivery> deliveries() {
        return List.copyOf(log);
    }

    public void clearDeliveries() {
        log.clear();
    }

    /** Called for every org change; cheap when no hook listens. */
    public void accept(OrgEvent event) {
        Map<String, Object> built = null;
        for (EventHook hook : hooks.values()) {
            if (!hook.receives(event.eventType())) {
                continue;
            }
            if (built == null) {
                built = events.build(event);
            }
            inFlight.incrementAndGet();
            synchronized (hook) {
                hook.pending.add(built);
                if (!hook.flushScheduled) {
                    hook.flushScheduled = true;
                    scheduler.schedule(() -> flush(hook), batchMillis, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** Waits until every queued event has been delivered (or given up on); false on time-out. */
    public boolean awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void flush(EventHook hook) {
        List<Map<String, Object>> batch;
        synchronized (hook) {
            batch = new ArrayList<>(hook.pending);
            hook.pending.clear();
            hook.flushScheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        int count = batch.size();
        if (faults.roll(faults.hookDropShare())) {
            record(hook, "POST", eventId, batch, null, 0, false, -1, "DROPPED");
            inFlight.addAndGet(-count);
            return;
        }
        long delay = faults.hookDelayMillis();
        if (faults.roll(faults.hookReorderShare())) {
            Collections.reverse(batch);
            delay += Math.max(3 * batchMillis, 200);
        }
        String body = envelope(hook, eventId, batch);
        boolean duplicate = faults.roll(faults.hookDuplicateShare());
        if (duplicate) {
            inFlight.incrementAndGet();
        }
        Runnable send = () -> {
            lane(hook).execute(() -> deliver(hook, eventId, batch, body, false, count));
            if (duplicate) {
                lane(hook).execute(() -> deliver(hook, eventId, batch, body, true, 1));
            }
        };
        if (delay > 0) {
            scheduler.schedule(send, delay, TimeUnit.MILLISECONDS);
        } else {
            send.run();
        }
    }

    private void deliver(EventHook hook, String eventId, List<Map<String, Object>> batch, String body,
            boolean duplicate, int release) {
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                int status = post(hook, body);
                String outcome = status == -1 ? "TIMEOUT" : status == 0 ? "FAILED"
                        : status < 300 && status >= 200 ? "DELIVERED" : "REJECTED";
                record(hook, "POST", eventId, batch, body, attempt, duplicate, status, outcome);
                boolean retry = status == -1 || status >= 500;
                if (!retry) {
                    break;
                }
            }
        } finally {
            inFlight.addAndGet(-release);
        }
    }

    /** Returns the status, -1 on time-out, 0 on a connection error. */
    private int post(EventHook hook, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.uri)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("User-Agent", "Okta Event Hooks (okta-simulator)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers(hook, request);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return -1;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "hook delivery to {0} failed: {1}", hook.uri, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Okta's one-time verification: GET with the challenge header, expect it echoed back. */
    public boolean verify(EventHook hook) {
        String challenge = UUID.randomUUID().toString().replace("-", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.uri)).timeout(timeout)
                .header("x-okta-verification-challenge", challenge).GET();
        headers(hook, request);
        int status;
        boolean ok = false;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 200) {
                Object echoed = Json.parseObject(response.body()).get("verification");
                ok = challenge.equals(echoed);
            }
        } catch (HttpTimeoutException e) {
            status = -1;
        } catch (IOException | RuntimeException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        log.add(new HookDelivery(hook.id, hook.uri, "GET", null, List.of(), List.of(), challenge, 1, false, status,
                ok ? "DELIVERED" : status == -1 ? "TIMEOUT" : "REJECTED", Instant.now()));
        if (ok) {
            hook.verificationStatus = "VERIFIED";
            hook.lastUpdated = System.currentTimeMillis();
        }
        return ok;
    }

    private static void headers(EventHook hook, HttpRequest.Builder request) {
        for (Map.Entry<String, String> header : hook.headers) {
            request.header(header.getKey(), header.getValue());
        }
        if (hook.authKey != null && hook.authValue != null) {
            request.header(hook.authKey, hook.authValue);
        }
    }

    private String envelope(EventHook hook, String eventId, List<Map<String, Object>> batch) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", "com.okta.event_hook");
        envelope.put("eventTypeVersion", "1.0");
        envelope.put("cloudEventsVersion", "0.1");
        envelope.put("source", orgUrl + "/api/v1/eventHooks/" + hook.id);
        envelope.put("eventId", eventId);
        envelope.put("eventTime", Timestamps.format(System.currentTimeMillis()));
        envelope.put("contentType", "application/json");
        envelope.put("data", Map.of("events", batch));
        return Json.write(envelope);
    }

    private void record(EventHook hook, String method, String eventId, List<Map<String, Object>> batch, String body,
            int attempt, boolean duplicate, int status, String outcome) {
        List<String> types = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        for (Map<String, Object> e : batch) {
            types.add((String) e.get("eventType"));
            uuids.add((String) e.get("uuid"));
        }
        log.add(new HookDelivery(hook.id, hook.uri, method, eventId, types, uuids, body, attempt, duplicate, status,
                outcome, Instant.now()));
    }

    private ExecutorService lane(EventHook hook) {
        return lanes.computeIfAbsent(hook.id, id -> Executors.newSingleThreadExecutor(daemon("okta-sim-hook-" + id)));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        lanes.values().forEach(ExecutorService::shutdownNow);
    }
}
