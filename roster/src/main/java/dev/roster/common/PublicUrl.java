package dev.roster.common;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Roster's own base URL as the outside world sees it, for URLs handed to Okta and in emails. */
@Component
public class PublicUrl {

    private final WebProperties properties;

    PublicUrl(WebProperties properties) {
        this.properties = properties;
    }

    /** The configured public URL, else the current request's scheme, host and port. */
    public String base() {
        if (properties.publicUrl() != null) {
            return properties.publicUrl().toString().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
