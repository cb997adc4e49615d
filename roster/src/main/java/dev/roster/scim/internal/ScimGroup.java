package dev.roster.scim.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A SCIM Group: one of the account's teams, its members, and its version for ETags. */
public record ScimGroup(UUID id, String displayName, String externalId, List<UUID> members, long version,
        Instant created, Instant lastModified) {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public String etag() {
        return "W/\"" + version + "\"";
    }

    /** The group as a PATCH sees it: what a client may change. */
    ObjectNode document() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("displayName", displayName);
        if (externalId != null) {
            doc.put("externalId", externalId);
        }
        var array = doc.putArray("members");
        members.forEach(m -> array.addObject().put("value", m.toString()));
        return doc;
    }

    /** The resource as SCIM returns it; {@code names} gives each member's display name. */
    public ObjectNode resource(String baseUrl, Map<UUID, String> names) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.putArray("schemas").add(SCHEMA);
        resource.put("id", id.toString());
        resource.put("displayName", displayName);
        if (externalId != null) {
            resource.put("externalId", externalId);
        }
        var array = resource.putArray("members");
        for (UUID member : members) {
            ObjectNode m = array.addObject().put("value", member.toString())
                    .put("$ref", baseUrl + "/Users/" + member).put("type", "User");
            if (names.get(member) != null) {
                m.put("display", names.get(member));
            }
        }
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", baseUrl + "/Groups/" + id);
        meta.put("version", etag());
        return resource;
    }
}
