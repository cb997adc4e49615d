package dev.roster.directory.api;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.accounts.Role;
import dev.roster.common.ForbiddenException;
import dev.roster.common.InvalidInputException;
import dev.roster.common.PageOf;
import dev.roster.common.PageRequest;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/accounts/{key}/people}: list, create, read and partially update people. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/people")
class PeopleApiController {

    private static final Set<String> READ_ONLY = Set.of("id", "effectiveManagerId", "oktaId", "source",
            "lastSyncedAt", "createdAt", "updatedAt", "status");

    private final People people;
    private final JsonMapper json;
    private final Validator validator;

    PeopleApiController(People people, JsonMapper json, Validator validator) {
        this.people = people;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping
    PageOf<PersonResource> list(AccountContext ctx, @RequestParam(required = false) String email,
            @RequestParam(required = false) String status, @RequestParam(required = false) String oktaId,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PeopleQuery query = new PeopleQuery(q, email, parseStatus(status), null, oktaId);
        return people.search(ctx.accountId(), query, PageRequest.of(page, size)).map(this::resource);
    }

    @PostMapping
    ResponseEntity<PersonResource> create(AccountContext ctx, @Valid @RequestBody PersonInput input) {
        ctx.requireAdmin();
        checkRole(ctx, input.role());
        PersonView created = people.create(ctx.accountId(), input);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + ctx.account().key() + "/people/" + created.id()))
                .body(resource(created));
    }

    @GetMapping("/{personId}")
    PersonResource read(AccountContext ctx, @PathVariable UUID personId) {
        return resource(people.require(ctx.accountId(), personId));
    }

    /**
     * JSON merge patch: fields present replace the current ones, {@code null} clears them, and
     * {@code customFields} is merged key by key. {@code status} deactivates or reactivates.
     */
    @PatchMapping(path = "/{personId}", consumes = {"application/json", "application/merge-patch+json"})
    PersonResource patch(AccountContext ctx, @PathVariable UUID personId, @RequestBody JsonNode patch) {
        ctx.requireAdmin();
        if (!patch.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        PersonView current = people.require(ctx.accountId(), personId);
        ObjectNode merged = json.valueToTree(people.inputOf(current));
        for (var entry : patch.properties()) {
            String field = entry.getKey();
            if (READ_ONLY.contains(field)) {
                continue;
            }
            if (field.equals("customFields") && entry.getValue().isObject()) {
                ObjectNode custom = merged.withObjectProperty("customFields");
                entry.getValue().properties().forEach(c -> custom.set(c.getKey(), c.getValue()));
            } else {
                merged.set(field, entry.getValue());
            }
        }
        PersonInput input = toInput(merged);
        if (patch.has("role")) {
            checkRole(ctx, input.role());
        }
        PersonView updated = people.update(ctx.accountId(), personId, input);
        JsonNode status = patch.get("status");
        if (status != null && !status.isNull()) {
            updated = applyStatus(ctx, personId, status.asString());
        }
        return resource(updated);
    }

    private PersonView applyStatus(AccountContext ctx, UUID personId, String status) {
        return switch (parseStatus(status)) {
            case DEACTIVATED -> people.deactivate(ctx.accountId(), personId, "admin");
            case ACTIVE, INVITED -> people.reactivate(ctx.accountId(), personId);
        };
    }

    private PersonInput toInput(ObjectNode merged) {
        PersonInput input;
        try {
            input = json.treeToValue(merged, PersonInput.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getPropertyName();
            throw InvalidInputException.of(field, "has the wrong type");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        return input;
    }

    private static void checkRole(AccountContext ctx, String role) {
        if (Role.OWNER.wireName().equals(role) && ctx.role() != Role.OWNER) {
            throw new ForbiddenException("Only owners can make someone an owner.");
        }
    }

    private static PersonStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PersonStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "must be invited, active or deactivated");
        }
    }

    private PersonResource resource(PersonView view) {
        return PersonResource.of(view, people.customJson(view));
    }
}
