package dev.roster.oktasimulator.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.roster.oktasimulator.OktaApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request and its answer: parsed query, lazily read body, and helpers for Okta-shaped responses. */
public final class Exchange {
    private final HttpExchange http;
    private final String path;
    private final Map<String, List<String>> query;
    private byte[] body;
    private boolean answered;

    public Exchange(HttpExchange http) {
        this.http = http;
        this.path = http.getRequestURI().getRawPath();
        this.query = parseForm(http.getRequestURI().getRawQuery());
    }

    public String method() {
        return http.getRequestMethod();
    }

    /** Raw (still URL-encoded) path. */
    public String path() {
        return path;
    }

    /** Path segments after splitting on '/', each URL-decoded; the leading empty one is dropped. */
    public String[] segments() {
        String[] raw = path.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            // A '+' in a path is a plus (logins like a+b@x.com), not a space as in a query string.
            raw[i] = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return raw;
    }

    public String requestUri() {
        return http.getRequestURI().toString();
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    public String remoteIp() {
        return http.getRemoteAddress().getAddress().getHostAddress();
    }

    public ChangeContext changeContext() {
        return ChangeContext.web(http.getRequestURI().getRawPath(), remoteIp(), header("User-Agent"));
    }

    public byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = http.getRequestBody()) {
                body = in.readAllBytes();
            }
        }
        return body;
    }

    public Map<String, Object> jsonBody() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.parseObject(bytes);
        } catch (RuntimeException e) {
            throw new OktaApiException(400, "E0000003",
                    "The request body was not well-formed.");
        }
    }

    /** application/x-www-form-urlencoded body fields. */
    public Map<String, List<String>> form() throws IOException {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    public String formValue(String name) throws IOException {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public void setHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    public void addHeader(String name, String value) {
        http.getResponseHeaders().add(name, value);
    }

    public boolean answered() {
        return answered;
    }

    public void json(int status, String json) throws IOException {
        send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public void json(int status, JsonBytes json) throws IOException {
        answered = true;
        setHeader("Content-Type", "application/json");
        http.sendResponseHeaders(status, json.length() == 0 ? -1 : json.length());
        try (OutputStream out = http.getResponseBody()) {
            out.write(json.array(), 0, json.length());
        }
        http.close();
    }

    public void html(int status, String html) throws IOException {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public void error(OktaApiException e) throws IOException {
        json(e.status(), e.toJson());
    }

    public void noContent() throws IOException {
        answered = true;
        http.sendResponseHeaders(204, -1);
        http.close();
    }

    public void redirect(String location) throws IOException {
        setHeader("Location", location);
        answered = true;
        http.sendResponseHeaders(302, -1);
        http.close();
    }

    public void send(int status, String contentType, byte[] bytes) throws IOException {
        answered = true;
        setHeader("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
        http.close();
    }

    /** Ends the exchange without an answer (a simulated time-out). */
    public void abort() {
        answered = true;
        http.close();
    }

    public static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
