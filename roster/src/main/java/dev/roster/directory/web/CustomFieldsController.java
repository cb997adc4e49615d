package dev.roster.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.directory.CustomFields;

/** The Custom fields page: the account's own person attributes. */
@Controller
@RequestMapping("/a/{key}/custom-fields")
class CustomFieldsController {

    private final CustomFields customFields;

    CustomFieldsController(CustomFields customFields) {
        this.customFields = customFields;
    }

    @GetMapping
    String list(AccountContext ctx, Model model) {
        return page(ctx, model, List.of());
    }

    @PostMapping
    String create(AccountContext ctx, @RequestParam String key, @RequestParam String label,
            @RequestParam String type, @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean visibleToEveryone, Model model) {
        ctx.requireAdmin();
        try {
            customFields.create(ctx.accountId(), key, label, type, Arrays.asList(options.split("\\R")),
                    visibleToEveryone);
            return "redirect:/a/" + ctx.account().key() + "/custom-fields";
        } catch (InvalidInputException e) {
            return page(ctx, model, e.problems());
        }
    }

    @PostMapping("/{fieldId}/visibility")
    String visibility(AccountContext ctx, @PathVariable UUID fieldId,
            @RequestParam(defaultValue = "false") boolean visibleToEveryone) {
        ctx.requireAdmin();
        customFields.setVisibility(ctx.accountId(), fieldId, visibleToEveryone);
        return "redirect:/a/" + ctx.account().key() + "/custom-fields";
    }

    private String page(AccountContext ctx, Model model, List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("ctx", ctx);
        model.addAttribute("fields", customFields.all(ctx.accountId()));
        model.addAttribute("problems", problems);
        model.addAttribute("labels", java.util.Map.of("key", "Key", "label", "Label", "type", "Type", "options",
                "Options"));
        return "custom-fields";
    }
}
