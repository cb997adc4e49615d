package dev.roster.access.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.access.SignedInPerson;
import dev.roster.access.SingleSignOn;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.NotFoundException;

/** The front door: pick an account, then its sign-in page. */
@Controller
class SignInController {

    private final Accounts accounts;
    private final ObjectProvider<SingleSignOn> singleSignOn;

    SignInController(Accounts accounts, ObjectProvider<SingleSignOn> singleSignOn) {
        this.accounts = accounts;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String account, Model model) {
        if (account != null && !account.isBlank()) {
            return "redirect:/a/" + account.strip().toLowerCase(java.util.Locale.ROOT) + "/sign-in";
        }
        SignedInPerson me = SignedInModel.current();
        model.addAttribute("myAccount", me == null ? null : accounts.byKey(me.accountKey()).orElse(null));
        return "home";
    }

    @GetMapping("/sign-in")
    String chooser() {
        return "redirect:/";
    }

    @GetMapping("/a/{key}/sign-in")
    String signIn(@PathVariable String key, Model model) {
        Account account = accounts.byKey(key).orElseThrow(() -> new NotFoundException("No such account."));
        model.addAttribute("account", account);
        SingleSignOn sso = singleSignOn.getIfAvailable();
        model.addAttribute("ssoStart", sso == null ? null : sso.startPath(account).orElse(null));
        return "sign-in";
    }
}
