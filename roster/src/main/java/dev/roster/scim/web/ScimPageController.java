package dev.roster.scim.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.roster.accounts.AccountContext;
import dev.roster.common.PublicUrl;
import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;

/**
 * The SCIM page of the admin console: the switch, the base URL to paste into the IdP, tokens
 * (a new one shown once, then only its name and when it was last used), and the setup steps for
 * Okta and Entra ID. Every change redirects back to the page (post/redirect/get).
 */
@Controller
@RequestMapping("/a/{key}/scim")
class ScimPageController {

    private final ScimSettings settings;
    private final ScimTokens tokens;
    private final PublicUrl publicUrl;

    ScimPageController(ScimSettings settings, ScimTokens tokens, PublicUrl publicUrl) {
        this.settings = settings;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    String page(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        model.addAttribute("ctx", ctx);
        model.addAttribute("settings", settings.find(ctx.accountId()));
        model.addAttribute("tokens", tokens.list(ctx.accountId()));
        model.addAttribute("baseUrl", publicUrl.base() + "/scim/v2/" + ctx.account().key());
        return "scim/settings";
    }

    @PostMapping
    String save(AccountContext ctx, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean withholdInvitations, RedirectAttributes flash) {
        ctx.requireAdmin();
        try {
            settings.save(ctx.accountId(), enabled, withholdInvitations);
            flash.addFlashAttribute("saved", enabled ? "SCIM is on: the IdP can push people with a token below."
                    : "SCIM is off: every SCIM token is refused until it is switched on again.");
        } catch (ScimSettings.SourceConflict e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return redirect(ctx);
    }

    @PostMapping("/tokens")
    String issue(AccountContext ctx, @RequestParam(required = false) String name, RedirectAttributes flash) {
        ctx.requireAdmin();
        String clean = name == null || name.isBlank() ? "SCIM client" : name.strip();
        if (clean.length() > 200) {
            flash.addFlashAttribute("conflict", "A token's name is at most 200 characters.");
            return redirect(ctx);
        }
        flash.addFlashAttribute("issuedName", clean);
        flash.addFlashAttribute("issuedToken", tokens.issue(ctx.accountId(), clean).token());
        return redirect(ctx);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(AccountContext ctx, @PathVariable UUID tokenId) {
        ctx.requireAdmin();
        tokens.revoke(ctx.accountId(), tokenId);
        return redirect(ctx);
    }

    private static String redirect(AccountContext ctx) {
        return "redirect:/a/" + ctx.account().key() + "/scim";
    }
}
