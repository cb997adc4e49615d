package dev.roster.scim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.roster.scim.protocol.ScimException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SCIM's media type and Error schema (RFC 7644 §3.12): {@code status} is a string. */
final class ScimResponses {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimResponses() {
    }

    static ResponseEntity<JsonNode> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(SCIM_JSON).body(body);
    }

    static ResponseEntity<JsonNode> error(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    static ResponseEntity<JsonNode> error(int status, String scimType, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(SCIM_JSON);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SCIM\"");
        }
        return response.body(body);
    }
}
