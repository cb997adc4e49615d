package dev.roster.sso.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.roster.accounts.AccountContext;
import dev.roster.sso.internal.SignInAuditLog;

/** Admins see the account's latest sign-in attempts, local and SSO, with why each failed. */
@Controller
class SignInsController {

    private static final int SHOWN = 200;

    private final SignInAuditLog audit;

    SignInsController(SignInAuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/a/{key}/sign-ins")
    String list(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        model.addAttribute("ctx", ctx);
        model.addAttribute("entries", audit.latest(ctx.accountId(), SHOWN));
        model.addAttribute("shown", SHOWN);
        return "sso/sign-ins";
    }
}
