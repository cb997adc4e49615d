package dev.roster.directory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PersonView;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Team;
import dev.roster.directory.Teams;

/** The Teams page: list, create, and set a team's manager. */
@Controller
@RequestMapping("/a/{key}/teams")
class TeamsController {

    private final Teams teams;
    private final People people;

    TeamsController(Teams teams, People people) {
        this.teams = teams;
        this.people = people;
    }

    @GetMapping
    String list(AccountContext ctx, Model model) {
        return page(ctx, model, List.of(), null);
    }

    @PostMapping
    String create(AccountContext ctx, @RequestParam String name, @RequestParam(required = false) String managerId,
            @RequestParam(required = false) String managerEmail, Model model) {
        ctx.requireAdmin();
        try {
            teams.create(ctx.accountId(), name, manager(ctx, managerId, managerEmail));
            return "redirect:/a/" + ctx.account().key() + "/teams";
        } catch (InvalidInputException e) {
            return page(ctx, model, e.problems(), name);
        }
    }

    @PostMapping("/{teamId}")
    String update(AccountContext ctx, @PathVariable UUID teamId, @RequestParam String name,
            @RequestParam(required = false) String managerId, @RequestParam(required = false) String managerEmail,
            Model model) {
        ctx.requireAdmin();
        try {
            teams.update(ctx.accountId(), teamId, name, manager(ctx, managerId, managerEmail));
            return "redirect:/a/" + ctx.account().key() + "/teams";
        } catch (InvalidInputException e) {
            return page(ctx, model, e.problems(), null);
        }
    }

    private String page(AccountContext ctx, Model model, List<InvalidInputException.FieldProblem> problems,
            String draftName) {
        List<Team> all = teams.all(ctx.accountId());
        Map<UUID, Long> counts = new LinkedHashMap<>();
        all.forEach(t -> counts.put(t.id(), teams.memberCount(ctx.accountId(), t.id())));
        model.addAttribute("ctx", ctx);
        model.addAttribute("teams", all);
        model.addAttribute("counts", counts);
        model.addAttribute("problems", problems);
        model.addAttribute("labels", Map.of("name", "Team name", "managerId", "Manager"));
        model.addAttribute("draftName", draftName);
        // one list for every picker (a datalist), of the people who can manage: not the deactivated
        List<PersonView> everyone = people.search(ctx.accountId(), PeopleQuery.all(), new PageRequest(0, 500)).items();
        Map<UUID, String> emails = new LinkedHashMap<>();
        everyone.forEach(v -> emails.put(v.id(), v.person().email()));
        model.addAttribute("managers", everyone.stream()
                .filter(v -> v.person().status() != PersonStatus.DEACTIVATED).toList());
        model.addAttribute("emails", emails);
        Map<UUID, String> names = new LinkedHashMap<>();
        everyone.forEach(v -> names.put(v.id(), v.person().displayName()));
        model.addAttribute("names", names);
        return "teams";
    }

    /** The manager picked by email (the page's pickers), or by id (older forms and scripts); blank for none. */
    private UUID manager(AccountContext ctx, String managerId, String managerEmail) {
        if (managerEmail == null) {
            return parse(managerId);
        }
        if (managerEmail.isBlank()) {
            return null;
        }
        return people.findByEmail(ctx.accountId(), managerEmail.strip())
                .filter(v -> v.person().status() != PersonStatus.DEACTIVATED).map(PersonView::id)
                .orElseThrow(() -> InvalidInputException.of("managerId",
                        "must be the email of an active person of this account"));
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("managerId", "pick a person from the list");
        }
    }
}
