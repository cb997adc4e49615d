package dev.roster.demo.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.roster.accounts.AccountContext;
import dev.roster.common.NotFoundException;
import dev.roster.demo.DemoMailbox;
import dev.roster.demo.DemoProperties;

/**
 * The demo's mailbox page: every email Roster sent in this demo, for the demo account's admins only —
 * the mailbox holds every account's emails, accept links included.
 */
@Controller
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoMailboxController {

    private final DemoMailbox mailbox;
    private final DemoProperties demo;

    DemoMailboxController(DemoMailbox mailbox, DemoProperties demo) {
        this.mailbox = mailbox;
        this.demo = demo;
    }

    @GetMapping("/a/{key}/demo/mailbox")
    String mailbox(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        if (!ctx.account().key().equals(demo.account())) {
            throw new NotFoundException("No such page.");
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("messages", mailbox.messages());
        return "invitations/demo-mailbox";
    }
}
