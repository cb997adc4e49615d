package dev.roster.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.roster.demo.DemoTour;

/**
 * Puts the guided tour into the home page's model in demo mode. The home page belongs to the access
 * module; the demo adds to it from here, so nothing outside demo mode knows about the tour.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoTourOnHome implements WebMvcConfigurer, HandlerInterceptor {

    private final DemoTour tour;

    DemoTourOnHome(DemoTour tour) {
        this.tour = tour;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView mav) {
        if (mav != null && "home".equals(mav.getViewName())) {
            tour.tour().ifPresent(t -> mav.addObject("tour", t));
        }
    }
}
