package dev.roster.oktasimulator.admin;

import com.nimbusds.jose.jwk.JWK;
import dev.roster.oktasimulator.Faults;
import dev.roster.oktasimulator.HookDelivery;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.ServiceApp;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Html;
import dev.roster.oktasimulator.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simulator-only controls under /sim/... for scripts that cannot use the Java API: connection info, faults,
 * key rotation, hook delivery log, service apps, redirect URIs, and generated avatar images.
 */
public final class SimEndpoints {
    private final OktaSimulator sim;

    public SimEndpoints(OktaSimulator sim) {
        this.sim = sim;
    }

    public void handle(Exchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        if (path.startsWith("/sim/avatars/")) {
            avatar(ex, path.substring("/sim/avatars/".length()).replace(".svg", ""));
            return;
        }
        switch (method + " " + path) {
            case "GET /sim/info" -> ex.json(200, sim.connectionJson());
            case "GET /sim/faults" -> ex.json(200, Json.write(sim.faults().describe()));
            case "POST /sim/faults" -> {
                applyFaults(ex.jsonBody());
                ex.json(200, Json.write(sim.faults().describe()));
            }
            case "POST /sim/faults/reset" -> {
                sim.faults().reset();
                ex.json(200, Json.write(sim.faults().describe()));
            }
            case "POST /sim/keys/rotate" -> {
                sim.rotateSigningKey();
                ex.json(200, Json.write(Map.of("kid", sim.currentKeyId())));
            }
            case "GET /sim/hooks/deliveries" -> ex.json(200, Json.write(deliveries()));
            case "POST /sim/hooks/await-idle" -> {
                String ms = ex.query("timeoutMs");
                boolean idle = sim.hooks().awaitIdle(Duration.ofMillis(ms == null ? 10_000 : Long.parseLong(ms)));
                ex.json(idle ? 200 : 408, Json.write(Map.of("idle", idle)));
            }
            case "POST /sim/service-apps" -> serviceApp(ex);
            case "POST /sim/redirect-uris" -> {
                Map<String, Object> body = ex.jsonBody();
                Object uri = body.get("uri");
                if (uri == null) {
                    throw OktaApiException.validation("uri", "uri: required");
                }
                sim.org().addRedirectUri(uri.toString());
                Object logout = body.get("postLogoutUri");
                if (logout != null) {
                    sim.org().addPostLogoutRedirectUri(logout.toString());
                }
                ex.json(200, Json.write(Map.of("redirectUris", List.copyOf(sim.org().app().redirectUris))));
            }
            default -> throw OktaApiException.notFound(path, "Endpoint");
        }
    }

    private void applyFaults(Map<String, Object> body) {
        Faults f = sim.faults();
        if (body.get("latencyMs") instanceof Number n) {
            f.latency(Duration.ofMillis(n.longValue()));
        }
        if (body.get("errorShare") instanceof Number n) {
            f.errorShare(n.doubleValue());
        }
        if (body.get("timeoutShare") instanceof Number n) {
            f.timeoutShare(n.doubleValue());
        }
        if (body.get("timeoutMs") instanceof Number n) {
            f.timeoutDuration(Duration.ofMillis(n.longValue()));
        }
        if (body.get("hookDropShare") instanceof Number n) {
            f.hookDropShare(n.doubleValue());
        }
        if (body.get("hookDuplicateShare") instanceof Number n) {
            f.hookDuplicateShare(n.doubleValue());
        }
        if (body.get("hookReorderShare") instanceof Number n) {
            f.hookReorderShare(n.doubleValue());
        }
        if (body.get("hookDelayMs") instanceof Number n) {
            f.hookDelay(Duration.ofMillis(n.longValue()));
        }
        if (body.get("rateLimitFactor") instanceof Number n) {
            f.squeezeRateLimits(n.doubleValue());
        }
        if (body.get("rateLimits") instanceof Map<?, ?> limits) {
            limits.forEach((bucket, limit) -> f.rateLimit(bucket.toString(), ((Number) limit).intValue()));
        }
        if (body.get("seed") instanceof Number n) {
            f.seed(n.longValue());
        }
    }

    private List<Object> deliveries() {
        List<Object> out = new ArrayList<>();
        for (HookDelivery d : sim.hooks().deliveries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hookId", d.hookId());
            m.put("method", d.method());
            m.put("eventId", d.eventId());
            m.put("eventTypes", d.eventTypes());
            m.put("eventUuids", d.eventUuids());
            m.put("attempt", d.attempt());
            m.put("duplicate", d.duplicate());
            m.put("status", d.status());
            m.put("outcome", d.outcome());
            m.put("at", d.at().toString());
            out.add(m);
        }
        return out;
    }

    private void serviceApp(Exchange ex) throws IOException {
        Map<String, Object> body = ex.jsonBody();
        Set<String> scopes = new HashSet<>();
        if (body.get("scopes") instanceof List<?> list) {
            list.forEach(s -> scopes.add(s.toString()));
        }
        JWK key;
        try {
            if (body.get("jwk") instanceof Map<?, ?> jwk) {
                key = JWK.parse(Json.write(jwk));
            } else if (body.get("publicKeyPem") instanceof String pem) {
                key = fromPem(pem);
            } else {
                throw OktaApiException.validation("jwk", "jwk or publicKeyPem is required");
            }
        } catch (java.text.ParseException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw OktaApiException.validation("jwk", "The key could not be read: " + e.getMessage());
        }
        ServiceApp app = sim.org().addServiceApp(key, scopes);
        ex.json(200, Json.write(Map.of("clientId", app.clientId(), "scopes", List.copyOf(app.grantedScopes()))));
    }

    /** An X.509 SubjectPublicKeyInfo PEM (RSA or EC), read with the JDK alone. */
    private static JWK fromPem(String pem) throws java.security.GeneralSecurityException {
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
        java.security.spec.X509EncodedKeySpec spec = new java.security.spec.X509EncodedKeySpec(der);
        try {
            return new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey)
                    java.security.KeyFactory.getInstance("RSA").generatePublic(spec)).build();
        } catch (java.security.spec.InvalidKeySpecException notRsa) {
            java.security.interfaces.ECPublicKey ec = (java.security.interfaces.ECPublicKey)
                    java.security.KeyFactory.getInstance("EC").generatePublic(spec);
            return new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(
                    ec.getParams()), ec).build();
        }
    }

    /** An SVG with the user's initials, so the demo shows pictures without any network. */
    private void avatar(Exchange ex, String id) throws IOException {
        OktaUser u = sim.org().user(id);
        String initials = "?";
        int hue = Math.floorMod(id.hashCode(), 360);
        if (u != null) {
            String first = u.profile().string("firstName");
            String last = u.profile().string("lastName");
            initials = (first == null || first.isEmpty() ? "" : first.substring(0, 1))
                    + (last == null || last.isEmpty() ? "" : last.substring(0, 1));
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"128\" height=\"128\" viewBox=\"0 0 128 128\">"
                + "<rect width=\"128\" height=\"128\" fill=\"hsl(" + hue + ",55%,45%)\"/><text x=\"64\" y=\"78\""
                + " font-family=\"sans-serif\" font-size=\"44\" fill=\"#fff\" text-anchor=\"middle\">"
                + Html.esc(initials) + "</text></svg>";
        ex.setHeader("Cache-Control", "max-age=86400");
        ex.send(u == null ? 404 : 200, "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }
}
