package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.Hooks;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/eventHooks: registration, verification, activation, listing. */
final class EventHooksResource {
    private final Hooks hooks;
    private final HookDispatcher dispatcher;
    private final ApiAuth auth;
    private final UserJson json;

    EventHooksResource(Hooks hooks, HookDispatcher dispatcher, ApiAuth auth, UserJson json) {
        this.hooks = hooks;
        this.dispatcher = dispatcher;
        this.auth = auth;
        this.json = json;
    }

    void handle(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.eventHooks.read" : "okta.eventHooks.manage");
        if (n == 3 && read) {
            ex.json(200, Json.write(dispatcher.hooks().stream().map(json::hook).toList()));
        } else if (n == 3 && "POST".equals(m)) {
            ex.json(200, Json.write(json.hook(dispatcher.hook(register(ex.jsonBody())))));
        } else if (n == 4 && read) {
            ex.json(200, Json.write(json.hook(requireHook(s[3]))));
        } else if (n == 4 && "DELETE".equals(m)) {
            EventHook hook = requireHook(s[3]);
            if (!"INACTIVE".equals(hook.status)) {
                throw OktaApiException.validation("Cannot delete an active event hook",
                        "Event hooks must be deactivated before they are deleted.");
            }
            dispatcher.remove(hook.id);
            ex.noContent();
        } else if (n == 6 && "POST".equals(m) && "lifecycle".equals(s[4])) {
            EventHook hook = requireHook(s[3]);
            switch (s[5]) {
                case "verify" -> {
                    if (!hooks.verify(hook.id)) {
                        throw new OktaApiException(400, "E0000001",
                                "Api validation failed: Verification failed",
                                List.of("Verification failed: the endpoint did not return the challenge."));
                    }
                }
                case "activate" -> {
                    if (!"ACTIVE".equals(hook.status)) {
                        hooks.requireRoomForActiveHook();
                    }
                    hook.status = "ACTIVE";
                }
                case "deactivate" -> hook.status = "INACTIVE";
                default -> throw Paging.notFoundPath(ex);
            }
            hook.lastUpdated = System.currentTimeMillis();
            ex.json(200, Json.write(json.hook(hook)));
        } else {
            throw Paging.notFoundPath(ex);
        }
    }

    private String register(Map<String, Object> body) {
        Object name = body.get("name");
        Map<String, Object> events = Paging.map(body.get("events"));
        Map<String, Object> config = Paging.map(Paging.map(body.get("channel")).get("config"));
        Map<String, Object> authScheme = Paging.map(config.get("authScheme"));
        List<String> items = new ArrayList<>();
        if (events.get("items") instanceof List<?> list) {
            list.forEach(item -> items.add(String.valueOf(item)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (config.get("headers") instanceof List<?> list) {
            for (Object header : list) {
                Map<String, Object> h = Paging.map(header);
                headers.put(String.valueOf(h.get("key")), String.valueOf(h.get("value")));
            }
        }
        if (name == null) {
            throw OktaApiException.validation("name", "name: The field cannot be left blank");
        }
        Object uri = config.get("uri");
        return hooks.register(name.toString(), uri == null ? null : uri.toString(), items,
                (String) authScheme.get("key"), (String) authScheme.get("value"), headers);
    }

    private EventHook requireHook(String id) {
        EventHook hook = dispatcher.hook(id);
        if (hook == null) {
            throw OktaApiException.notFound(id, "EventHook");
        }
        return hook;
    }

}
