package dev.roster.scim.internal;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM User as stored: the person's id, its userName and externalId, the document the client
 * last sent (no password, nothing the server owns) and its version for ETags.
 */
public record ScimUser(UUID id, String userName, String externalId, ObjectNode document, long version,
        Instant created, Instant lastModified) {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    public String etag() {
        return "W/\"" + version + "\"";
    }

    /** The resource as SCIM returns it, with its location under {@code baseUrl}. */
    public ObjectNode resource(String baseUrl) {
        ObjectNode resource = document.objectNode();
        var schemas = resource.putArray("schemas").add(SCHEMA);
        if (document.properties().stream().anyMatch(e -> e.getKey().startsWith(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))) {
            schemas.add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        }
        resource.put("id", id.toString());
        resource.setAll(document);
        resource.put("userName", userName);
        if (!resource.has("active")) {
            resource.put("active", true);
        }
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", baseUrl + "/Users/" + id);
        meta.put("version", etag());
        return resource;
    }
}
