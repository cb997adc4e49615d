package dev.roster.provisioning.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.provisioning.FieldMappings;

/** {@code /api/v1/accounts/{key}/okta/mapping}: standard rows on or off, the avatar attribute, custom mappings. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/okta/mapping")
class MappingApiController {

    private final FieldMappings mappings;

    MappingApiController(FieldMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    FieldMappings.Mapping read(AccountContext ctx) {
        ctx.requireAdmin();
        return mappings.get(ctx.accountId());
    }

    @PutMapping
    FieldMappings.Mapping save(AccountContext ctx, @RequestBody FieldMappings.Mapping mapping) {
        ctx.requireAdmin();
        return mappings.save(ctx.accountId(), mapping);
    }
}
