package dev.roster.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.roster.access.SignedInPerson;

/**
 * Every page knows who is signed in ({@code me}, null when nobody is), so the header, the front
 * door and the sign-in page can say so.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

    @ModelAttribute("me")
    SignedInPerson me() {
        return current();
    }

    static SignedInPerson current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
                ? person : null;
    }
}
