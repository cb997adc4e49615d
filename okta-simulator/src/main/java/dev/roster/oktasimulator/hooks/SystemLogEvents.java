package dev.roster.oktasimulator.hooks;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.internal.ChangeContext;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.internal.OidcApp;
import dev.roster.oktasimulator.internal.OrgEvent;
import dev.roster.oktasimulator.internal.Timestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Builds System Log events (the objects inside an event hook's data.events[]) the way Okta shapes them. */
public final class SystemLogEvents {
    /** The event types a hook may subscribe to; user.lifecycle.delete.completed is deliberately absent. */
    public static final Set<String> SUBSCRIBABLE = Set.of("user.lifecycle.create", "user.lifecycle.activate",
            "user.lifecycle.reactivate", "user.lifecycle.deactivate", "user.lifecycle.suspend",
            "user.lifecycle.unsuspend", "user.lifecycle.delete.initiated", "user.account.update_profile",
            "application.user_membership.add", "application.user_membership.remove", "group.user_membership.add",
            "group.user_membership.remove");

    private static final Map<String, String[]> MESSAGES = new HashMap<>();

    static {
        MESSAGES.put("user.lifecycle.create", new String[] {"Create Okta user", "core.user.config.user_created"});
        MESSAGES.put("user.lifecycle.activate", new String[] {"Activate Okta user", "core.user.config.user_activated"});
        MESSAGES.put("user.lifecycle.reactivate",
                new String[] {"Reactivate Okta user", "core.user.config.user_reactivated"});
        MESSAGES.put("user.lifecycle.deactivate",
                new String[] {"Deactivate Okta user", "core.user.config.user_deactivated"});
        MESSAGES.put("user.lifecycle.suspend", new String[] {"Suspend Okta user", "core.user.config.user_suspended"});
        MESSAGES.put("user.lifecycle.unsuspend",
                new String[] {"Unsuspend Okta user", "core.user.config.user_unsuspended"});
        MESSAGES.put("user.lifecycle.delete.initiated",
                new String[] {"Delete Okta user", "core.user.config.user_deleted"});
        MESSAGES.put("user.account.update_profile",
                new String[] {"Update user profile for Okta", "core.user.config.profile_updated"});
        MESSAGES.put("application.user_membership.add",
                new String[] {"Add user to application membership", "app.generic.provision.assign_user_to_app"});
        MESSAGES.put("application.user_membership.remove",
                new String[] {"Remove user's application membership", "app.generic.unprovision.user_deprovisioned"});
        MESSAGES.put("group.user_membership.add",
                new String[] {"Add user to group membership", "core.user_group_member.user_add"});
        MESSAGES.put("group.user_membership.remove",
                new String[] {"Remove user from group membership", "core.user_group_member.user_remove"});
    }

    private final OidcApp app;
    private final Map<String, Object> actor;
    private final Random targetOrder;

    public SystemLogEvents(OidcApp app, String adminId, String adminLogin, long seed) {
        this.app = app;
        this.actor = entity(adminId, "User", adminLogin, "Simulator Admin");
        this.targetOrder = new Random(seed);
    }

    public Map<String, Object> build(OrgEvent event) {
        String[] message = MESSAGES.getOrDefault(event.eventType(), new String[] {event.eventType(), null});
        ChangeContext ctx = event.context();
        String requestId = Ids.secret(27);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("uuid", UUID.randomUUID().toString());
        e.put("published", Timestamps.format(event.published()));
        e.put("eventType", event.eventType());
        e.put("version", "0");
        e.put("displayMessage", message[0]);
        e.put("severity", "INFO");
        e.put("legacyEventType", message[1]);
        e.put("actor", actor);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("ipAddress", ctx.ipAddress());
        client.put("userAgent", Map.of("rawUserAgent", ctx.userAgent(), "os", "Unknown", "browser", "UNKNOWN"));
        client.put("zone", "null");
        client.put("device", "Unknown");
        e.put("client", client);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("result", "SUCCESS");
        outcome.put("reason", null);
        e.put("outcome", outcome);
        e.put("target", targets(event));
        e.put("transaction", Map.of("type", ctx.transactionType(), "id", requestId, "detail", Map.of()));
        Map<String, Object> debugData = new LinkedHashMap<>();
        debugData.put("requestId", requestId);
        debugData.put("requestUri", ctx.requestUri() != null ? ctx.requestUri() : "");
        e.put("debugContext", Map.of("debugData", debugData));
        return e;
    }

    private List<Map<String, Object>> targets(OrgEvent event) {
        OktaUser user = event.user();
        Map<String, Object> userTarget = entity(user.id(), "User", user.login(), user.displayName());
        List<Map<String, Object>> targets = new ArrayList<>();
        if (event.eventType().startsWith("application.user_membership.")) {
            targets.add(entity(user.id(), "AppUser", user.login(), user.displayName()));
            targets.add(entity(app.id, "AppInstance", app.label, app.label));
            targets.add(userTarget);
            // Okta does not keep target[] in a fixed order; neither do we, so consumers cannot rely on it.
            synchronized (targetOrder) {
                Collections.shuffle(targets, targetOrder);
            }
        } else if (event.groupId() != null) {
            targets.add(userTarget);
            targets.add(entity(event.groupId(), "UserGroup", "unknown", event.groupName()));
        } else {
            targets.add(userTarget);
        }
        return targets;
    }

    private static Map<String, Object> entity(String id, String type, String alternateId, String displayName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("alternateId", alternateId);
        m.put("displayName", displayName);
        m.put("detailEntry", null);
        return m;
    }
}
