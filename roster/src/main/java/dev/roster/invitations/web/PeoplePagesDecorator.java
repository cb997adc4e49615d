package dev.roster.invitations.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.roster.accounts.AccountContext;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.Invitations;

/**
 * Adds invitation details to the directory's Individuals pages, which cannot ask this module
 * themselves (invitations depends on the directory, not the other way round): the delivery (last
 * error, attempts) on a person's page, and how many people "invite all shown" would reach.
 * Accounts are already checked: the values come from the model the directory's controller built.
 */
@Configuration(proxyBeanMethods = false)
class PeoplePagesDecorator implements WebMvcConfigurer, HandlerInterceptor {

    private final Invitations invitations;

    PeoplePagesDecorator(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/a/*/people", "/a/*/people/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView mav) {
        if (mav == null || !(mav.getModel().get("ctx") instanceof AccountContext ctx) || !ctx.role().canAdminister()) {
            return;
        }
        if ("people/show".equals(mav.getViewName()) && mav.getModel().get("person") instanceof Person person) {
            mav.addObject("invitationDelivery", invitations.delivery(ctx.accountId(), person.id()).orElse(null));
        } else if ("people/list".equals(mav.getViewName())) {
            Object status = mav.getModel().get("status");
            PersonStatus statusFilter = status instanceof String s && !s.isBlank() ? PersonStatus.fromWire(s) : null;
            PeopleQuery query = new PeopleQuery((String) mav.getModel().get("q"), null, statusFilter,
                    (UUID) mav.getModel().get("team"), null);
            mav.addObject("invitableCount", invitations.countInvitable(ctx.accountId(), query));
        }
    }
}
