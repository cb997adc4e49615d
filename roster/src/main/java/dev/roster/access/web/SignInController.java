package dev.roster.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.NotFoundException;

/** The front door: pick an account, then its sign-in page. */
@Controller
class SignInController {

    private final Accounts accounts;

    SignInController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String account) {
        if (account != null && !account.isBlank()) {
            return "redirect:/a/" + account.strip().toLowerCase(java.util.Locale.ROOT) + "/sign-in";
        }
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
        return "sign-in";
    }
}
