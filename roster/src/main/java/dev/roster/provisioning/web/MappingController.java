package dev.roster.provisioning.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.directory.CustomFields;
import dev.roster.provisioning.FieldMappings;
import dev.roster.provisioning.MappingPreview;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.mapping.StandardField;

/** The field-mapping page: standard rows on or off, custom mappings from the org's attributes, a preview. */
@Controller
@RequestMapping("/a/{key}/okta/mapping")
class MappingController {

    private final FieldMappings mappings;
    private final MappingPreview preview;
    private final CustomFields customFields;

    MappingController(FieldMappings mappings, MappingPreview preview, CustomFields customFields) {
        this.mappings = mappings;
        this.preview = preview;
        this.customFields = customFields;
    }

    @GetMapping
    String page(AccountContext ctx, @RequestParam(required = false) String previewEmail, Model model) {
        ctx.requireAdmin();
        if (previewEmail != null && !previewEmail.isBlank()) {
            try {
                model.addAttribute("previewEmail", previewEmail);
                model.addAttribute("preview", preview.preview(ctx.accountId(), previewEmail).orElse(null));
                model.addAttribute("previewMissing", true);
            } catch (OktaUnavailableException e) {
                model.addAttribute("oktaError", e.getMessage());
            }
        }
        return page(ctx, mappings.get(ctx.accountId()), List.of(), model);
    }

    @PostMapping
    String save(AccountContext ctx, @RequestParam Map<String, String> form, Model model) {
        ctx.requireAdmin();
        Map<String, Boolean> standard = new LinkedHashMap<>();
        for (StandardField field : StandardField.values()) {
            standard.put(field.wireName(), form.containsKey("standard." + field.wireName()));
        }
        standard.put(StandardField.EMAIL.wireName(), true);
        Map<String, String> custom = new LinkedHashMap<>();
        customFields.all(ctx.accountId()).forEach(field -> {
            String attribute = form.get("custom." + field.key());
            if (attribute != null && !attribute.isBlank()) {
                custom.put(field.key(), attribute.strip());
            }
        });
        FieldMappings.Mapping mapping = new FieldMappings.Mapping(standard, form.get("avatarAttribute"), custom);
        try {
            return page(ctx, mappings.save(ctx.accountId(), mapping), List.of(), model.addAttribute("saved", true));
        } catch (InvalidInputException e) {
            return page(ctx, mapping, e.problems(), model);
        }
    }

    private String page(AccountContext ctx, FieldMappings.Mapping mapping,
            List<InvalidInputException.FieldProblem> problems, Model model) {
        Map<StandardField, Boolean> rows = new EnumMap<>(StandardField.class);
        for (StandardField field : StandardField.values()) {
            rows.put(field, mapping.standard() == null || !Boolean.FALSE.equals(mapping.standard().get(field.wireName())));
        }
        List<String> attributes;
        try {
            attributes = preview.attributes(ctx.accountId());
        } catch (RuntimeException e) {
            attributes = List.of();
            model.addAttribute("oktaError", "Could not read a sample of Okta users: " + e.getMessage());
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("rows", rows);
        model.addAttribute("mapping", mapping);
        model.addAttribute("fields", customFields.all(ctx.accountId()));
        model.addAttribute("attributes", attributes);
        model.addAttribute("problems", problems);
        return "okta/mapping";
    }
}
