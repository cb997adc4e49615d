package dev.roster.directory.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.directory.CustomField;
import dev.roster.directory.CustomFields;

/** {@code /api/v1/accounts/{key}/custom-fields}: the account's custom field definitions. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/custom-fields")
class CustomFieldsApiController {

    /** {@code visibility}: {@code "admins"} (the default) or {@code "everyone"}. */
    record CustomFieldResource(String key, String label, String type, List<String> options, String visibility) {
        static CustomFieldResource of(CustomField field) {
            return new CustomFieldResource(field.key(), field.label(), field.type().wireName(), field.options(),
                    field.visibleToEveryone() ? "everyone" : "admins");
        }
    }

    private final CustomFields customFields;

    CustomFieldsApiController(CustomFields customFields) {
        this.customFields = customFields;
    }

    @GetMapping
    List<CustomFieldResource> list(AccountContext ctx) {
        return customFields.all(ctx.accountId()).stream().map(CustomFieldResource::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomFieldResource create(AccountContext ctx, @RequestBody CustomFieldResource input) {
        ctx.requireAdmin();
        if (input.visibility() != null && !List.of("admins", "everyone").contains(input.visibility())) {
            throw InvalidInputException.of("visibility", "must be admins or everyone");
        }
        return CustomFieldResource.of(customFields.create(ctx.accountId(), input.key(), input.label(), input.type(),
                input.options(), "everyone".equals(input.visibility())));
    }
}
