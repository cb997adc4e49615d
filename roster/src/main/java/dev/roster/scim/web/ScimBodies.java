package dev.roster.scim.web;

import dev.roster.scim.protocol.ScimException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies, read whatever JSON content type the client named; malformed JSON is invalidSyntax. */
final class ScimBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScimBodies() {
    }

    static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ScimException.InvalidSyntax("the request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ScimException.InvalidSyntax("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ScimException.InvalidSyntax("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
