package dev.roster.sso.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.access.SignInAttempted;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.sso.internal.AccountRegistrations;
import dev.roster.sso.internal.AccountRegistrations.Lookup;
import dev.roster.sso.internal.OktaSingleSignOn;
import dev.roster.sso.internal.SsoProblem;
import dev.roster.sso.internal.TargetLinks;

/**
 * The Okta-facing pages: the start of a sign-in (also Okta's "initiate login URI", OIDC Core §4),
 * the problem page every failure lands on, and the return from Okta's sign-out.
 */
@Controller
class SsoController {

    private final AccountRegistrations registrations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SsoController(AccountRegistrations registrations, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks what can be checked before leaving for Okta, keeps the deep link, then hands over to
     * Spring's authorization redirect (state, nonce, PKCE), which also forwards {@code login_hint}.
     */
    @GetMapping("/sso/okta/{key}/start")
    String start(@PathVariable String key, @RequestParam(required = false) String iss,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(name = "target_link_uri", required = false) String target, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Lookup lookup = registrations.lookup(key);
        if (lookup instanceof Lookup.NotEnabled) {
            return refused(key, SsoProblem.NOT_ENABLED, "single sign-on is not enabled", request, response, model);
        }
        if (!(lookup instanceof Lookup.Ready ready)) {
            return refused(key, SsoProblem.OKTA_UNAVAILABLE, "discovery: " + ((Lookup.Unavailable) lookup).why(),
                    request, response, model);
        }
        if (iss != null && !iss.isBlank() && !iss.equals(ready.connection().issuer())) {
            return refused(key, SsoProblem.ISSUER_MISMATCH, "iss " + iss, request, response, model);
        }
        if (target != null && !target.isBlank() && !TargetLinks.safe(target)) {
            return refused(key, SsoProblem.BAD_TARGET, "target_link_uri " + target, request, response, model);
        }
        if (target != null && !target.isBlank()) {
            request.getSession().setAttribute(OktaSingleSignOn.TARGET, target);
        } else if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(OktaSingleSignOn.TARGET);
        }
        return "redirect:/oauth2/authorization/" + key + (loginHint == null || loginHint.isBlank() ? ""
                : "?login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8));
    }

    @GetMapping("/sso/okta/{key}/problem")
    String problem(@PathVariable String key, @RequestParam(required = false) String reason,
            HttpServletResponse response, Model model) {
        return problem(key, SsoProblem.fromCode(reason), response, model);
    }

    @GetMapping("/sso/problem")
    String problem(@RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
        return problem(null, SsoProblem.fromCode(reason), response, model);
    }

    /** Okta's {@code post_logout_redirect_uri}: one fixed URL per account to register in Okta. */
    @GetMapping("/sso/okta/{key}/signed-out")
    String signedOut(@PathVariable String key) {
        return accounts.byKey(key).map(a -> "redirect:/a/" + a.key() + "/sign-in?signedOut").orElse("redirect:/");
    }

    /** A sign-in refused before leaving for Okta is audited like any other failed sign-in. */
    private String refused(String key, SsoProblem problem, String detail, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        events.publishEvent(new SignInAttempted(accounts.byKey(key).map(Account::id).orElse(null), Instant.now(clock),
                null, SignInAttempted.Method.SSO, false, problem.code() + ": " + detail, null,
                request.getParameter("login_hint"), request.getRemoteAddr()));
        return problem(key, problem, response, model);
    }

    private String problem(String key, SsoProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("account", key == null ? null : accounts.byKey(key).orElse(null));
        return "sso/problem";
    }
}
