package dev.roster.directory.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.directory.Team;
import dev.roster.directory.Teams;

/** {@code /api/v1/accounts/{key}/teams}: teams as {@code {"id","name","managerId"}}. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/teams")
class TeamsApiController {

    record TeamResource(UUID id, String name, UUID managerId) {
        static TeamResource of(Team team) {
            return new TeamResource(team.id(), team.name(), team.managerId());
        }
    }

    record TeamInput(@NotBlank @Size(max = 200) String name, UUID managerId) {
    }

    private final Teams teams;

    TeamsApiController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping
    List<TeamResource> list(AccountContext ctx) {
        return teams.all(ctx.accountId()).stream().map(TeamResource::of).toList();
    }

    @PostMapping
    ResponseEntity<TeamResource> create(AccountContext ctx, @Valid @RequestBody TeamInput input) {
        ctx.requireAdmin();
        Team team = teams.create(ctx.accountId(), input.name(), input.managerId());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + ctx.account().key() + "/teams/" + team.id()))
                .body(TeamResource.of(team));
    }

    @GetMapping("/{teamId}")
    TeamResource read(AccountContext ctx, @PathVariable UUID teamId) {
        return TeamResource.of(teams.require(ctx.accountId(), teamId));
    }

    @PatchMapping("/{teamId}")
    TeamResource update(AccountContext ctx, @PathVariable UUID teamId, @Valid @RequestBody TeamInput input) {
        ctx.requireAdmin();
        return TeamResource.of(teams.update(ctx.accountId(), teamId, input.name(), input.managerId()));
    }
}
