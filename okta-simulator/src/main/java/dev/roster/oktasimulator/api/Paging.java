package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.internal.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cursor paging (Link headers, limit), body helpers and the 404 for unknown endpoints. */
final class Paging {
    private Paging() {
    }

    /** Link headers: self always, next (with after=cursor) only when more items follow. */
    static void links(Exchange ex, String orgUrl, String path, String nextCursor) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ex.queryParams().entrySet()) {
            if ("after".equals(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                query.append(query.length() == 0 ? "?" : "&").append(encode(e.getKey())).append('=').append(encode(v));
            }
        }
        String self = orgUrl + path + query;
        String after = ex.query("after");
        ex.addHeader("Link", "<" + self + (after == null ? "" : (query.length() == 0 ? "?" : "&") + "after="
                + encode(after)) + ">; rel=\"self\"");
        if (nextCursor != null) {
            ex.addHeader("Link", "<" + self + (query.length() == 0 ? "?" : "&") + "after=" + encode(nextCursor)
                    + ">; rel=\"next\"");
        }
    }

    static int limit(Exchange ex, int defaultLimit, int max) {
        String raw = ex.query("limit");
        if (raw == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw);
            return limit < 1 ? defaultLimit : Math.min(limit, max);
        } catch (NumberFormatException e) {
            throw OktaApiException.validation("limit", "limit: The limit must be a number.");
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    static OktaApiException notFoundPath(Exchange ex) {
        return new OktaApiException(404, "E0000022", "The endpoint does not support the provided HTTP method");
    }

}
