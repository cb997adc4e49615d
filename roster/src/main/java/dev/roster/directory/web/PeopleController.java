package dev.roster.directory.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import dev.roster.accounts.AccountContext;
import dev.roster.accounts.Role;
import dev.roster.common.ForbiddenException;
import dev.roster.common.InvalidInputException;
import dev.roster.common.PageOf;
import dev.roster.common.PageRequest;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;

/** The Individuals pages: search, a person's page, and the admins' create and edit forms. */
@Controller
@RequestMapping("/a/{key}/people")
class PeopleController {

    private static final int PAGE_SIZE = 25;

    private final People people;
    private final Teams teams;
    private final CustomFields customFields;
    private final Validator validator;

    PeopleController(People people, Teams teams, CustomFields customFields, Validator validator) {
        this.people = people;
        this.teams = teams;
        this.customFields = customFields;
        this.validator = validator;
    }

    @GetMapping
    String list(AccountContext ctx, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID team,
            @RequestParam(defaultValue = "0") int page, Model model) {
        PersonStatus statusFilter = statusFilter(status);
        PageOf<PersonView> result = people.search(ctx.accountId(), new PeopleQuery(q, null, statusFilter, team, null),
                new PageRequest(Math.max(page, 0), PAGE_SIZE));
        if (page > 0 && page >= result.pageCount() && result.total() > 0) {
            // past the end (an old link, a shrunk filter): the last page, not "Page 100 of 9"
            return "redirect:" + UriComponentsBuilder.fromPath("/a/{key}/people").queryParamIfPresent("q", blank(q))
                    .queryParamIfPresent("status", blank(status)).queryParamIfPresent("team", Optional.ofNullable(team))
                    .queryParam("page", result.pageCount() - 1).buildAndExpand(ctx.account().key()).encode()
                    .toUriString();
        }
        Set<UUID> managers = new HashSet<>();
        result.items().forEach(v -> { if (v.effectiveManagerId() != null) managers.add(v.effectiveManagerId()); });
        model.addAttribute("ctx", ctx);
        model.addAttribute("result", result);
        model.addAttribute("managerNames", people.names(ctx.accountId(), managers));
        model.addAttribute("teams", teams.all(ctx.accountId()));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("team", team);
        return "people/list";
    }

    @GetMapping("/{personId}")
    String show(AccountContext ctx, @PathVariable UUID personId, Model model) {
        PersonView view = people.require(ctx.accountId(), personId);
        Set<UUID> related = new HashSet<>();
        if (view.effectiveManagerId() != null) {
            related.add(view.effectiveManagerId());
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("view", view);
        model.addAttribute("person", view.person());
        model.addAttribute("custom", people.customJson(view));
        model.addAttribute("fields", customFields.all(ctx.accountId()));
        model.addAttribute("names", people.names(ctx.accountId(), related));
        return "people/show";
    }

    @GetMapping("/new")
    String newForm(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        return form(ctx, new PersonForm(), null, null, model);
    }

    @PostMapping
    String create(AccountContext ctx, @ModelAttribute("form") PersonForm form, Model model) {
        ctx.requireAdmin();
        try {
            PersonView created = people.create(ctx.accountId(), checked(ctx, form));
            return "redirect:/a/" + ctx.account().key() + "/people/" + created.id();
        } catch (InvalidInputException e) {
            return form(ctx, form, null, e, model);
        }
    }

    @GetMapping("/{personId}/edit")
    String editForm(AccountContext ctx, @PathVariable UUID personId, Model model) {
        ctx.requireAdmin();
        PersonView view = people.require(ctx.accountId(), personId);
        return form(ctx, PersonForm.of(people.inputOf(view)), view, null, model);
    }

    @PostMapping("/{personId}")
    String update(AccountContext ctx, @PathVariable UUID personId, @ModelAttribute("form") PersonForm form,
            Model model) {
        ctx.requireAdmin();
        PersonView view = people.require(ctx.accountId(), personId);
        try {
            people.update(ctx.accountId(), personId, checked(ctx, form));
            return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
        } catch (InvalidInputException e) {
            return form(ctx, form, view, e, model);
        }
    }

    @PostMapping("/{personId}/deactivate")
    String deactivate(AccountContext ctx, @PathVariable UUID personId) {
        ctx.requireAdmin();
        people.deactivate(ctx.accountId(), personId, "admin");
        return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
    }

    @PostMapping("/{personId}/reactivate")
    String reactivate(AccountContext ctx, @PathVariable UUID personId) {
        ctx.requireAdmin();
        people.reactivate(ctx.accountId(), personId);
        return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private PersonInput checked(AccountContext ctx, PersonForm form) {
        PersonInput input = form.toInput();
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        if (Role.OWNER.wireName().equals(input.role()) && ctx.role() != Role.OWNER) {
            throw new ForbiddenException("Only owners can make someone an owner.");
        }
        return input;
    }

    private String form(AccountContext ctx, PersonForm form, PersonView editing, InvalidInputException problems,
            Model model) {
        model.addAttribute("ctx", ctx);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("problems", problems == null ? java.util.List.of() : problems.problems());
        Map<String, String> labels = new LinkedHashMap<>(PersonForm.LABELS);
        customFields.all(ctx.accountId()).forEach(f -> labels.put("customFields." + f.key(), f.label()));
        model.addAttribute("labels", labels);
        model.addAttribute("teams", teams.all(ctx.accountId()));
        model.addAttribute("fields", customFields.all(ctx.accountId()));
        model.addAttribute("managers", people.search(ctx.accountId(), PeopleQuery.all(), new PageRequest(0, 500)).items());
        return "people/form";
    }

    /** The list's status filter from the query string: an unknown one is the caller's mistake (400), not ours. */
    private static PersonStatus statusFilter(String status) {
        try {
            return status == null || status.isBlank() ? null : PersonStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status filter.");
        }
    }
}
