package dev.roster.provisioning.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.roster.provisioning.SyncOutcome;

/** A sync outcome on the wire: {@code {"outcome":"updated","personId":…,"changes":[…],"reason":…}}. */
final class OutcomeJson {

    private OutcomeJson() {
    }

    static Map<String, Object> of(SyncOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        json.put("personId", outcome.personId());
        if (outcome instanceof SyncOutcome.Updated u) {
            json.put("changes", changes(u.changes()));
        } else if (outcome instanceof SyncOutcome.Reactivated r) {
            json.put("changes", changes(r.changes()));
        } else if (outcome instanceof SyncOutcome.Deactivated d) {
            json.put("reason", d.reason());
        } else if (outcome instanceof SyncOutcome.Conflict c) {
            json.put("reason", c.reason());
        } else if (outcome instanceof SyncOutcome.Skipped s) {
            json.put("reason", s.reason());
        }
        return json;
    }

    private static List<Map<String, String>> changes(List<SyncOutcome.FieldChange> changes) {
        return changes.stream().map(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", c.field());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            return m;
        }).toList();
    }
}
