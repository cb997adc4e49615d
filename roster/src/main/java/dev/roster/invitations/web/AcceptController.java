package dev.roster.invitations.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import dev.roster.common.InvalidInputException;
import dev.roster.invitations.internal.Acceptance;
import dev.roster.invitations.internal.Acceptance.Lookup;

/**
 * The accept link's page. Opening it changes nothing (mail scanners open links too); the password
 * form uses the token, and where the account signs in with Okta, the sign-in completing does.
 */
@Controller
class AcceptController {

    private final Acceptance acceptance;

    AcceptController(Acceptance acceptance) {
        this.acceptance = acceptance;
    }

    @GetMapping("/invitations/{token}")
    String page(@PathVariable String token, HttpServletResponse response, Model model) {
        model.addAttribute("token", token);
        return show(acceptance.lookup(token), List.of(), response, model);
    }

    /**
     * "Accept and sign in with Okta": a link, not a form, so the redirect chain to Okta is a plain
     * navigation (the CSP's {@code form-action 'self'} stops a form's redirect to another origin).
     * Nothing is spent here; the sign-in completing accepts the invitation.
     */
    @GetMapping("/invitations/{token}/okta")
    String okta(@PathVariable String token, HttpServletResponse response, Model model) {
        model.addAttribute("token", token);
        Lookup lookup = acceptance.lookup(token);
        if (lookup instanceof Acceptance.Open open && open.sso()) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", acceptance.oktaSignIn(open).orElseThrow());
            return null;
        }
        return show(lookup, List.of(), response, model);
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, HttpServletResponse response, Model model) {
        model.addAttribute("token", token);
        Lookup lookup = acceptance.lookup(token);
        if (lookup instanceof Acceptance.Open open && open.sso()) {
            return "redirect:/invitations/" + token + "/okta"; // a page from before SSO was switched on
        }
        if (lookup instanceof Acceptance.Open open && password != null && !password.equals(confirmation)) {
            return show(lookup, List.of(new InvalidInputException.FieldProblem("confirmation",
                    "does not match the password")), response, model);
        }
        Optional<Acceptance.Accepted> accepted;
        try {
            accepted = acceptance.accept(token, password);
        } catch (InvalidInputException e) {
            return show(lookup, e.problems(), response, model);
        }
        if (accepted.isEmpty()) {
            return show(acceptance.lookup(token), List.of(), response, model);
        }
        model.addAttribute("account", accepted.get().account());
        model.addAttribute("signIn", accepted.get().redirect());
        return "invitations/done";
    }

    private static String show(Lookup lookup, List<InvalidInputException.FieldProblem> problems,
            HttpServletResponse response, Model model) {
        if (lookup instanceof Acceptance.Open open) {
            model.addAttribute("open", open);
            model.addAttribute("account", open.account());
            model.addAttribute("problems", problems);
            model.addAttribute("labels", java.util.Map.of("password", "Password", "confirmation", "The same password again"));
            if (!problems.isEmpty()) {
                response.setStatus(422);
            }
            return "invitations/accept";
        }
        String reason;
        if (lookup instanceof Acceptance.Used used) {
            reason = "used";
            model.addAttribute("account", used.account());
        } else if (lookup instanceof Acceptance.Expired expired) {
            reason = "expired";
            model.addAttribute("account", expired.account());
        } else if (lookup instanceof Acceptance.Withdrawn withdrawn) {
            reason = "withdrawn";
            model.addAttribute("account", withdrawn.account());
        } else {
            reason = "unknown";
        }
        // 410 Gone for a link that worked once; 404 for one that never did (or was replaced)
        response.setStatus("unknown".equals(reason) ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("reason", reason);
        return "invitations/unavailable";
    }
}
