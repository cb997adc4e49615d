package dev.roster.access.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.roster.access.AccountPrincipal;
import dev.roster.accounts.Account;
import dev.roster.accounts.AccountContext;
import dev.roster.accounts.Accounts;
import dev.roster.common.NotFoundException;

/**
 * Turns the {@code {key}} of a URL into an {@link AccountContext} for the caller, or a 404 when the
 * account does not exist or is not the caller's: another account's existence is never revealed.
 */
@Configuration(proxyBeanMethods = false)
class AccountContextResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Accounts accounts;

    AccountContextResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(AccountContext.class);
    }

    @Override
    public AccountContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String key = variables == null ? null : variables.get("key");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Account account = accounts.byKey(key).orElseThrow(() -> new NotFoundException("No such account."));
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
                || !principal.accountId().equals(account.id())) {
            throw new NotFoundException("No such account.");
        }
        return new AccountContext(account, principal.role(), principal.personId());
    }
}
