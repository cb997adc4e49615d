package dev.roster.access.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.access.ApiTokens;
import dev.roster.accounts.AccountContext;
import dev.roster.accounts.Role;
import dev.roster.common.InvalidInputException;

/** Owners create and revoke the account's API tokens; a new token's secret is shown once. */
@Controller
@RequestMapping("/a/{key}/api-tokens")
class ApiTokensController {

    /** The form's labels, so its problems are told in its own words. */
    private static final java.util.Map<String, String> LABELS = java.util.Map.of("name", "Name", "role", "Role");


    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(AccountContext ctx, Model model) {
        ctx.requireOwner();
        model.addAttribute("ctx", ctx);
        model.addAttribute("tokens", tokens.list(ctx.accountId()));
        return "api-tokens";
    }

    @PostMapping
    String create(AccountContext ctx, @RequestParam String name, @RequestParam(defaultValue = "admin") String role,
            Model model) {
        ctx.requireOwner();
        try {
            ApiTokens.Issued issued = tokens.issue(ctx.accountId(), name, Role.fromWire(role), ctx.personId());
            model.addAttribute("issued", issued);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("labels", LABELS);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problems", InvalidInputException.of("role", "must be owner or admin").problems());
            model.addAttribute("labels", LABELS);
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("tokens", tokens.list(ctx.accountId()));
        return "api-tokens";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(AccountContext ctx, @PathVariable UUID tokenId) {
        ctx.requireOwner();
        tokens.revoke(ctx.accountId(), tokenId);
        return "redirect:/a/" + ctx.account().key() + "/api-tokens";
    }
}
