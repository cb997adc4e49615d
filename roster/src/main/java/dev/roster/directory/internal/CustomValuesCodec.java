package dev.roster.directory.internal;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom values are stored as one small JSON object per person: portable across H2 and PostgreSQL. */
final class CustomValuesCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private CustomValuesCodec() {
    }

    static String write(Map<String, String> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }

    static Map<String, String> read(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }
}
