package dev.roster.scim.web;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.common.PublicUrl;
import dev.roster.directory.People;
import dev.roster.scim.internal.ScimGroup;
import dev.roster.scim.internal.ScimGroups;
import dev.roster.scim.protocol.FilterParser;
import dev.roster.scim.protocol.Patch;
import tools.jackson.databind.JsonNode;

/**
 * {@code /scim/v2/{key}/Groups}: the account's teams as SCIM Groups, as Okta's group push and Entra
 * ID's group provisioning use them. Thin, like the Users edge. A PATCH may answer 200 with the group
 * (Roster does) or 204; Okta and Entra ID accept both.
 */
@RestController
@RequestMapping("/scim/v2/{key}/Groups")
class ScimGroupsController {

    private final ScimAuthenticator auth;
    private final ScimGroups groups;
    private final People people;
    private final PublicUrl publicUrl;

    ScimGroupsController(ScimAuthenticator auth, ScimGroups groups, People people, PublicUrl publicUrl) {
        this.auth = auth;
        this.groups = groups;
        this.people = people;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    ResponseEntity<JsonNode> list(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        UUID accountId = auth.account(key, authorization);
        ListQuery query = ListQuery.of(filter == null || filter.isBlank() ? null : FilterParser.parse(filter),
                startIndex, count, attributes, excludedAttributes);
        // Entra ID asks for groups without their members; skip reading them when they are not returned.
        boolean withMembers = ListQuery.project(membersProbe(), attributes, excludedAttributes).has("members");
        ScimGroups.Page page = groups.list(accountId, query.filter(), query.startIndex(), query.count(), withMembers);
        Map<UUID, String> names = names(accountId, page.groups().stream().flatMap(g -> g.members().stream()).toList());
        return ScimResponses.ok(query.render(page.total(),
                page.groups().stream().map(g -> g.resource(base(key), names)).toList()));
    }

    @GetMapping("/{teamId}")
    ResponseEntity<JsonNode> get(@PathVariable String key, @PathVariable UUID teamId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        UUID accountId = auth.account(key, authorization);
        ScimGroup group = groups.get(accountId, teamId);
        return withEtag(ResponseEntity.ok(), group).body(ListQuery.project(render(accountId, key, group), attributes,
                excludedAttributes));
    }

    @PostMapping
    ResponseEntity<JsonNode> create(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimGroup group = groups.create(accountId, ScimBodies.object(body));
        return withEtag(ResponseEntity.created(URI.create(base(key) + "/Groups/" + group.id())), group)
                .body(render(accountId, key, group));
    }

    @PutMapping("/{teamId}")
    ResponseEntity<JsonNode> replace(@PathVariable String key, @PathVariable UUID teamId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimGroup group = groups.replace(accountId, teamId, ScimBodies.object(body), ifMatch);
        return withEtag(ResponseEntity.ok(), group).body(render(accountId, key, group));
    }

    @PatchMapping("/{teamId}")
    ResponseEntity<JsonNode> patch(@PathVariable String key, @PathVariable UUID teamId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimGroup group = groups.patch(accountId, teamId, Patch.parse(ScimBodies.object(body)), ifMatch);
        return withEtag(ResponseEntity.ok(), group).body(render(accountId, key, group));
    }

    @DeleteMapping("/{teamId}")
    ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID teamId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        groups.delete(auth.account(key, authorization), teamId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private tools.jackson.databind.node.ObjectNode render(UUID accountId, String key, ScimGroup group) {
        return group.resource(base(key), names(accountId, group.members()));
    }

    private Map<UUID, String> names(UUID accountId, Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : people.names(accountId, ids);
    }

    private static tools.jackson.databind.node.ObjectNode membersProbe() {
        tools.jackson.databind.node.ObjectNode probe = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        probe.putArray("members");
        return probe;
    }

    private static ResponseEntity.BodyBuilder withEtag(ResponseEntity.BodyBuilder response, ScimGroup group) {
        return response.contentType(ScimResponses.SCIM_JSON).eTag(group.etag());
    }

    private String base(String key) {
        return publicUrl.base() + "/scim/v2/" + key;
    }
}
