package dev.roster.provisioning.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.common.PageRequest;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonView;
import dev.roster.provisioning.FieldMappings;
import dev.roster.provisioning.MappingPreview;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.StandardField;

/** The field-mapping page: standard rows on or off, custom mappings from the org's attributes, a preview. */
@Controller
@RequestMapping("/a/{key}/okta/mapping")
class MappingController {

    private final FieldMappings mappings;
    private final MappingPreview preview;
    private final CustomFields customFields;
    private final People people;

    MappingController(FieldMappings mappings, MappingPreview preview, CustomFields customFields, People people) {
        this.mappings = mappings;
        this.preview = preview;
        this.customFields = customFields;
        this.people = people;
    }

    /** Each standard field as the person page names it, never by its internal key. */
    static final Map<StandardField, String> LABELS = new EnumMap<>(Map.of(StandardField.TITLE, "Title",
            StandardField.FIRST_NAME, "First name", StandardField.LAST_NAME, "Last name", StandardField.EMAIL, "Email",
            StandardField.AVATAR, "Avatar", StandardField.JOB_TITLE, "Job title",
            StandardField.LANGUAGE, "Primary language", StandardField.LOCATION, "Primary location",
            StandardField.MANAGER, "Manager", StandardField.TEAM, "Primary team"));

    /** The manager a preview would give, by name: Roster's person when Okta's reference finds one, else Okta's name. */
    private String managerShown(UUID accountId, MappedPerson person) {
        String ref = person.managerRef();
        if (ref == null) {
            return person.managerName() == null ? "None: the primary team's manager applies"
                    : person.managerName() + " (by name only, as Okta gives no managerId)";
        }
        Optional<PersonView> found = people.search(accountId, new PeopleQuery(null, null, null, null, ref),
                PageRequest.of(0, 1)).items().stream().findFirst().or(() -> people.findByEmail(accountId, ref));
        if (found.isPresent()) {
            return found.get().person().displayName() + " <" + found.get().person().email() + ">";
        }
        return (person.managerName() == null ? "Someone" : person.managerName()) + " (not in Roster yet)";
    }

    @GetMapping
    String page(AccountContext ctx, @RequestParam(required = false) String previewEmail, Model model) {
        ctx.requireAdmin();
        if (previewEmail != null && !previewEmail.isBlank()) {
            try {
                model.addAttribute("previewEmail", previewEmail);
                Optional<MappedPerson> previewed = preview.preview(ctx.accountId(), previewEmail);
                model.addAttribute("preview", previewed.orElse(null));
                previewed.ifPresent(p -> model.addAttribute("managerShown", managerShown(ctx.accountId(), p)));
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
        model.addAttribute("fieldLabels", LABELS);
        Map<String, String> customLabels = new LinkedHashMap<>();
        customFields.all(ctx.accountId()).forEach(f -> customLabels.put(f.key(), f.label()));
        model.addAttribute("customLabels", customLabels);
        return "okta/mapping";
    }
}
