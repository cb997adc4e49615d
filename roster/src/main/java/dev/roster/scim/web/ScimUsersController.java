package dev.roster.scim.web;

import java.net.URI;
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
import dev.roster.scim.internal.ScimUser;
import dev.roster.scim.internal.ScimUsers;
import dev.roster.scim.protocol.FilterParser;
import dev.roster.scim.protocol.Patch;
import tools.jackson.databind.JsonNode;

/**
 * {@code /scim/v2/{key}/Users}: the account's people as SCIM Users. Thin: authenticate, parse into
 * values, one call to {@link ScimUsers}, render. Bodies may be {@code application/scim+json} or
 * {@code application/json}; answers are {@code application/scim+json}.
 */
@RestController
@RequestMapping("/scim/v2/{key}/Users")
class ScimUsersController {

    private final ScimAuthenticator auth;
    private final ScimUsers users;
    private final PublicUrl publicUrl;

    ScimUsersController(ScimAuthenticator auth, ScimUsers users, PublicUrl publicUrl) {
        this.auth = auth;
        this.users = users;
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
        ScimUsers.Page page = users.list(accountId, query.filter(), query.startIndex(), query.count());
        return ScimResponses.ok(query.render(page.total(),
                page.users().stream().map(u -> u.resource(base(key))).toList()));
    }

    @GetMapping("/{personId}")
    ResponseEntity<JsonNode> get(@PathVariable String key, @PathVariable("personId") UUID id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        UUID accountId = auth.account(key, authorization);
        ScimUser user = users.get(accountId, id);
        return withEtag(ResponseEntity.ok(), user)
                .body(ListQuery.project(user.resource(base(key)), attributes, excludedAttributes));
    }

    @PostMapping
    ResponseEntity<JsonNode> create(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimUser user = users.create(accountId, ScimBodies.object(body));
        return withEtag(ResponseEntity.created(URI.create(base(key) + "/Users/" + user.id())), user)
                .body(user.resource(base(key)));
    }

    @PutMapping("/{personId}")
    ResponseEntity<JsonNode> replace(@PathVariable String key, @PathVariable("personId") UUID id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimUser user = users.replace(accountId, id, ScimBodies.object(body), ifMatch);
        return withEtag(ResponseEntity.ok(), user).body(user.resource(base(key)));
    }

    @PatchMapping("/{personId}")
    ResponseEntity<JsonNode> patch(@PathVariable String key, @PathVariable("personId") UUID id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        UUID accountId = auth.account(key, authorization);
        ScimUser user = users.patch(accountId, id, Patch.parse(ScimBodies.object(body)), ifMatch);
        return withEtag(ResponseEntity.ok(), user).body(user.resource(base(key)));
    }

    @DeleteMapping("/{personId}")
    ResponseEntity<Void> delete(@PathVariable String key, @PathVariable("personId") UUID id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        users.delete(auth.account(key, authorization), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity.BodyBuilder withEtag(ResponseEntity.BodyBuilder response, ScimUser user) {
        return response.contentType(ScimResponses.SCIM_JSON).eTag(user.etag());
    }

    private String base(String key) {
        return publicUrl.base() + "/scim/v2/" + key;
    }
}
