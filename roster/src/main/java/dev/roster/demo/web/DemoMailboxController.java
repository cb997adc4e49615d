package dev.roster.demo.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.roster.accounts.AccountContext;
import dev.roster.demo.DemoMailbox;

/** The demo's mailbox page: every email Roster sent in this demo, for the account's admins. */
@Controller
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoMailboxController {

    private final DemoMailbox mailbox;

    DemoMailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/a/{key}/demo/mailbox")
    String mailbox(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        model.addAttribute("ctx", ctx);
        model.addAttribute("messages", mailbox.messages());
        return "invitations/demo-mailbox";
    }
}
