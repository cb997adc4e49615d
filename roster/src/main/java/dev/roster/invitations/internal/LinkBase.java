package dev.roster.invitations.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import dev.roster.common.PublicUrl;
import dev.roster.common.WebProperties;

/**
 * Roster's base URL for accept links. Inside a request, {@link PublicUrl} (configured, else the
 * request's). A background job has no request: the configured {@code roster.web.public-url}, else
 * this instance's own port on localhost, which only suits a single machine (the demo, tests).
 */
@Component
public class LinkBase {

    private final PublicUrl publicUrl;
    private final WebProperties web;
    private final Environment environment;

    LinkBase(PublicUrl publicUrl, WebProperties web, Environment environment) {
        this.publicUrl = publicUrl;
        this.web = web;
        this.environment = environment;
    }

    /** The base for a link made now: the request's if there is one, else null (decided when sending). */
    public String ofCurrentRequest() {
        return RequestContextHolder.getRequestAttributes() != null ? publicUrl.base() : null;
    }

    public String forBackground() {
        if (web.publicUrl() != null) {
            return web.publicUrl().toString().replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
