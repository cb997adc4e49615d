package dev.roster.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.roster.accounts.AccountContext;
import dev.roster.common.NotFoundException;
import dev.roster.demo.DemoProperties;
import dev.roster.demo.DemoTour;
import dev.roster.oktasimulator.OktaApiException;

/**
 * The guided tour's admin steps. The one-click actions change a user in the simulated Okta org (as
 * an Okta admin would), then go back to the tour; Roster learns of the change through the event hook.
 */
@Controller
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
@RequestMapping("/a/{key}/demo/tour")
class DemoTourController {

    private final DemoTour tour;
    private final DemoProperties demo;

    DemoTourController(DemoTour tour, DemoProperties demo) {
        this.tour = tour;
        this.demo = demo;
    }

    /**
     * The tour's "sign in as the admin" link: signed out, it passes through the sign-in page and
     * comes back here; signed in as an employee, the sign-in page switches to the admin and comes back.
     */
    @GetMapping
    String signedIn(AccountContext ctx, HttpServletRequest request, HttpServletResponse response) {
        requireDemoAccount(ctx);
        if (!ctx.role().canAdminister()) {
            new HttpSessionRequestCache().saveRequest(request, response);
            return "redirect:/a/" + ctx.account().key() + "/sign-in?switch";
        }
        return "redirect:/#tour-move";
    }

    @PostMapping("/move")
    String move(AccountContext ctx, RedirectAttributes redirect) {
        requireDemoAdmin(ctx);
        return inOkta(() -> tour.moveDepartment(ctx.account().key()), "move", redirect);
    }

    @PostMapping("/leaver")
    String leaver(AccountContext ctx, RedirectAttributes redirect) {
        requireDemoAdmin(ctx);
        return inOkta(() -> tour.toggleLeaver(ctx.account().key()), "leaver", redirect);
    }

    /** The tour acts on the demo's shared simulated org: other accounts' admins never see it. */
    private void requireDemoAdmin(AccountContext ctx) {
        ctx.requireAdmin();
        requireDemoAccount(ctx);
    }

    private void requireDemoAccount(AccountContext ctx) {
        if (!ctx.account().key().equals(demo.account())) {
            throw new NotFoundException("No such page.");
        }
    }

    /** Okta may refuse a change (someone edited the user on the simulator's admin page): say so on the tour. */
    private static String inOkta(Runnable change, String step, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("tourDone", step);
        } catch (OktaApiException e) {
            redirect.addFlashAttribute("tourProblem", "Okta refused the change: " + e.errorSummary());
        }
        return "redirect:/#tour-" + step;
    }
}
