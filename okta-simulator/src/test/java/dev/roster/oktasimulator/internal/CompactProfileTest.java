package dev.roster.oktasimulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompactProfileTest {
    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", "zoë.o'brien@example.com");
        m.put("displayName", "Zoë \"Z\" O'Brien\\ \n\t<b>");
        m.put("nickName", null);
        m.put("isContractor", true);
        m.put("level", 7);
        m.put("big", 12_345_678_901L);
        m.put("ratio", 0.75);
        m.put("negative", -3);
        m.put("skills", List.of("java", "sql, \"quoted\""));
        m.put("ключ", "значение");
        m.put("emoji", "👋");
        return m;
    }

    @Test
    void ofWhenEveryAttributeTypeThenReadsBackEqual() {
        CompactProfile profile = CompactProfile.of(sample());

        assertThat(profile).isEqualTo(sample());
        assertThat(profile.get("big")).isEqualTo(12_345_678_901L);
        assertThat(profile.get("level")).isEqualTo(7);
        assertThat(profile.get("ratio")).isEqualTo(0.75);
        assertThat(profile.containsKey("nickName")).isTrue();
        assertThat(profile.get("nickName")).isNull();
        assertThat(profile.get("missing")).isNull();
        assertThat(profile.get("ключ")).isEqualTo("значение");
    }

    @Test
    void writeJsonWhenRenderedThenStandardJsonParsesToTheSameMap() {
        CompactProfile profile = CompactProfile.of(sample());
        JsonBytes out = new JsonBytes(16);

        profile.writeJson(out);

        Map<?, ?> parsed = JsonMapper.builder().build().readValue(out.toBytes(), Map.class);
        assertThat(parsed).isEqualTo(sample());
        assertThat(Arrays.equals(out.toBytes(), CompactProfile.of(parsed.entrySet().stream().collect(
                LinkedHashMap<String, Object>::new, (m, e) -> m.put((String) e.getKey(), e.getValue()),
                Map::putAll)).toJsonBytes())).isTrue();
    }

    @Test
    void mergeWhenChangesGivenThenOnlyThoseChangeAndOrderKept() {
        CompactProfile merged = CompactProfile.of(sample()).merge(Map.of("level", 8, "title", "Lead"));

        assertThat(merged.get("level")).isEqualTo(8);
        assertThat(merged.get("title")).isEqualTo("Lead");
        assertThat(merged.keySet()).startsWith("login", "displayName");
    }
}
