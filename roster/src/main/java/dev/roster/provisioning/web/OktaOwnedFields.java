package dev.roster.provisioning.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.roster.accounts.AccountContext;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.FieldMappings;
import dev.roster.provisioning.mapping.StandardField;

/**
 * Marks the fields Okta owns on a provisioned person's edit form (the directory's page, which cannot
 * ask this module itself): the standard fields the account's mapping writes and its mapped custom
 * fields, which the next sync would put back. The manager stays editable: a local override is meant.
 */
@Configuration(proxyBeanMethods = false)
class OktaOwnedFields implements WebMvcConfigurer, HandlerInterceptor {

    /** The form's field for each standard row; the manager is left out on purpose (overrides are local). */
    private static final Map<StandardField, String> FORM_FIELDS = Map.of(StandardField.TITLE, "title",
            StandardField.FIRST_NAME, "firstName", StandardField.LAST_NAME, "lastName", StandardField.EMAIL, "email",
            StandardField.AVATAR, "avatarUrl", StandardField.JOB_TITLE, "jobTitle",
            StandardField.LANGUAGE, "primaryLanguage", StandardField.LOCATION, "primaryLocation",
            StandardField.TEAM, "primaryTeam");

    private final FieldMappings mappings;
    private final OktaConnections connections;

    OktaOwnedFields(FieldMappings mappings, OktaConnections connections) {
        this.mappings = mappings;
        this.connections = connections;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/a/*/people/*/edit", "/a/*/people/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView mav) {
        if (mav == null || !"people/form".equals(mav.getViewName())
                || !(mav.getModel().get("ctx") instanceof AccountContext ctx)
                || !(mav.getModel().get("editing") instanceof PersonView editing)
                || editing.person().oktaId() == null) {
            return;
        }
        OktaConnection connection = connections.find(ctx.accountId()).orElse(null);
        if (connection == null || !connection.provisioningEnabled()) {
            return;
        }
        FieldMappings.Mapping mapping = mappings.get(ctx.accountId());
        Set<String> owned = new LinkedHashSet<>();
        FORM_FIELDS.forEach((field, formField) -> {
            if (mapping.standard() == null || !Boolean.FALSE.equals(mapping.standard().get(field.wireName()))) {
                owned.add(formField);
            }
        });
        if (mapping.custom() != null) {
            mapping.custom().keySet().forEach(key -> owned.add("custom-" + key));
        }
        mav.addObject("oktaOwned", owned);
        mav.addObject("oktaUserUrl", oktaAdminLink(connection.orgUrl(), editing.person().oktaId()));
    }

    /**
     * The person in Okta's admin console: a real org's console is on its "-admin" host; the simulated
     * org serves its own at {@code /admin/users/{id}}.
     */
    static String oktaAdminLink(String orgUrl, String oktaId) {
        java.net.URI org = java.net.URI.create(orgUrl);
        String host = org.getHost();
        int dot = host.indexOf('.');
        boolean okta = host.matches(".+\\.(okta|oktapreview|okta-emea)\\.com");
        return okta ? org.getScheme() + "://" + host.substring(0, dot) + "-admin" + host.substring(dot)
                + "/admin/user/profile/view/" + oktaId : orgUrl + "/admin/users/" + oktaId;
    }
}
