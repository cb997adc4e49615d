package dev.roster.oktasimulator.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal relying party: Spring Security's standard OAuth 2.0 login with one OIDC registration. */
@SpringBootApplication
@RestController
public class LoginTestApp {
    @GetMapping("/me")
    String me(@AuthenticationPrincipal OidcUser user) {
        return user.getSubject() + " " + user.getPreferredUsername() + " " + user.getIssuer();
    }
}
