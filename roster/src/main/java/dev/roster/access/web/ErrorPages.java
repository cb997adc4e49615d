package dev.roster.access.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.roster.access.AccountPrincipal;
import dev.roster.accounts.AccountContext;
import dev.roster.common.ForbiddenException;
import dev.roster.common.NotFoundException;

/**
 * The pages' error view: a title and heading that name the status, a sentence that says what was
 * wrong with the request when Roster knows, and the signed-in person's navigation. A malformed id in
 * the path is a page that does not exist (404); a malformed query parameter is a bad request (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages implements ErrorViewResolver {

    private final ErrorAttributes errors;
    private final dev.roster.accounts.Accounts accounts;

    ErrorPages(ErrorAttributes errors, dev.roster.accounts.Accounts accounts) {
        this.errors = errors;
        this.accounts = accounts;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Throwable error = errors.getError(new ServletWebRequest(request));
        HttpStatus shown = status;
        String message = null;
        if (error instanceof MethodArgumentTypeMismatchException mismatch) {
            boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
            shown = inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            message = inPath ? "There is no such page: \u201c" + mismatch.getValue() + "\u201d is not a valid "
                    + expected(mismatch.getRequiredType()) + "."
                    : "The address's \u201c" + mismatch.getName() + "\u201d must be " + article(mismatch.getRequiredType())
                    + "; \u201c" + mismatch.getValue() + "\u201d is not.";
        } else if (error instanceof MissingServletRequestParameterException missing) {
            message = "The address needs \u201c" + missing.getParameterName() + "\u201d.";
        } else if (error instanceof NotFoundException || error instanceof ForbiddenException) {
            message = error.getMessage(); // written for people, and says nothing of other accounts
        } else if (error instanceof HttpRequestMethodNotSupportedException) {
            message = "This address is the target of a button, not a page to open. Go back and use the button.";
        }
        Map<String, Object> page = new HashMap<>(model);
        page.put("status", shown.value());
        page.put("title", title(shown));
        page.put("message", message);
        AccountContext ctx = signedIn();
        page.put("ctx", ctx);
        page.put("me", SignedInModel.current());
        page.put("home", ctx == null ? "/" : "/a/" + ctx.account().key() + "/people");
        ModelAndView view = new ModelAndView("error", page);
        view.setStatus(shown);
        return view;
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case BAD_REQUEST -> "Bad request";
            case METHOD_NOT_ALLOWED -> "Not a page";
            default -> status.is4xxClientError() ? status.getReasonPhrase() : "Something went wrong";
        };
    }

    private static String expected(Class<?> type) {
        return type == UUID.class ? "id" : "value";
    }

    private static String article(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        return type == UUID.class ? "an id" : "a valid value";
    }

    /** The signed-in person's account, for the navigation; null when signed out or for an API token. */
    private AccountContext signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
                || principal.personId() == null) {
            return null;
        }
        return accounts.byId(principal.accountId())
                .map(a -> new AccountContext(a, principal.role(), principal.personId())).orElse(null);
    }
}
