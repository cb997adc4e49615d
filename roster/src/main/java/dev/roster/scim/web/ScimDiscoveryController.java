package dev.roster.scim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.common.PublicUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the service provider supports (RFC 7644 §4): {@code ServiceProviderConfig},
 * {@code ResourceTypes} and {@code Schemas}, behind the same token as the resources, since they
 * name the account's base URL.
 */
@RestController
@RequestMapping("/scim/v2/{key}")
class ScimDiscoveryController {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ScimAuthenticator auth;
    private final PublicUrl publicUrl;

    ScimDiscoveryController(ScimAuthenticator auth, PublicUrl publicUrl) {
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<JsonNode> serviceProviderConfig(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        auth.account(key, authorization);
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", ListQuery.MAX_COUNT);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "Bearer token").put("description", "A SCIM token generated in Roster for this account")
                .put("primary", true);
        config.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", base(key) + "/ServiceProviderConfig");
        return ScimResponses.ok(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<JsonNode> resourceTypes(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        auth.account(key, authorization);
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        user.put("id", "User").put("name", "User").put("endpoint", "/Users").put("schema", CORE_USER);
        user.putArray("schemaExtensions").addObject().put("schema", ENTERPRISE_USER).put("required", false);
        user.putObject("meta").put("resourceType", "ResourceType").put("location", base(key) + "/ResourceTypes/User");
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        group.put("id", "Group").put("name", "Group").put("endpoint", "/Groups").put("schema", CORE_GROUP);
        group.putObject("meta").put("resourceType", "ResourceType").put("location", base(key) + "/ResourceTypes/Group");
        return ScimResponses.ok(list(NODES.arrayNode().add(user).add(group)));
    }

    @GetMapping("/Schemas")
    ResponseEntity<JsonNode> schemas(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        auth.account(key, authorization);
        ObjectNode user = schema(CORE_USER, "User", "User Account");
        ArrayNode attributes = user.putArray("attributes");
        attributes.add(attribute("userName", "string", true, "server"));
        ObjectNode name = attribute("name", "complex", false, "none");
        ArrayNode sub = name.putArray("subAttributes");
        for (String part : new String[] {"givenName", "familyName", "honorificPrefix", "formatted"}) {
            sub.add(attribute(part, "string", false, "none"));
        }
        attributes.add(name);
        for (String plain : new String[] {"displayName", "title", "preferredLanguage", "locale", "externalId"}) {
            attributes.add(attribute(plain, "string", false, "none"));
        }
        attributes.add(attribute("active", "boolean", false, "none"));
        for (String multi : new String[] {"emails", "addresses", "photos"}) {
            attributes.add(attribute(multi, "complex", false, "none").put("multiValued", true));
        }
        ObjectNode enterprise = schema(ENTERPRISE_USER, "EnterpriseUser", "Enterprise User");
        ArrayNode extension = enterprise.putArray("attributes");
        extension.add(attribute("department", "string", false, "none"));
        extension.add(attribute("manager", "complex", false, "none"));
        ObjectNode group = schema(CORE_GROUP, "Group", "Group: one of the account's teams");
        ArrayNode groupAttributes = group.putArray("attributes");
        groupAttributes.add(attribute("displayName", "string", true, "server"));
        groupAttributes.add(attribute("members", "complex", false, "none").put("multiValued", true));
        groupAttributes.add(attribute("externalId", "string", false, "none"));
        return ScimResponses.ok(list(NODES.arrayNode().add(user).add(enterprise).add(group)));
    }

    private static ObjectNode schema(String id, String name, String description) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        schema.put("id", id).put("name", name).put("description", description);
        return schema;
    }

    private static ObjectNode attribute(String name, String type, boolean required, String uniqueness) {
        return NODES.objectNode().put("name", name).put("type", type).put("multiValued", false)
                .put("required", required).put("caseExact", false).put("mutability", "readWrite")
                .put("returned", "default").put("uniqueness", uniqueness);
    }

    private static ObjectNode list(ArrayNode resources) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(ListQuery.LIST_SCHEMA);
        body.put("totalResults", resources.size()).put("startIndex", 1).put("itemsPerPage", resources.size());
        body.set("Resources", resources);
        return body;
    }

    private String base(String key) {
        return publicUrl.base() + "/scim/v2/" + key;
    }
}
