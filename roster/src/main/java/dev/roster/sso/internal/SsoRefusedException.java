package dev.roster.sso.internal;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Okta proved who the person is, but Roster will not let them in; carries what the audit needs. */
public class SsoRefusedException extends OAuth2AuthenticationException {

    private final SsoProblem problem;
    private final UUID accountId;
    private final UUID personId;
    private final String subject;
    private final String email;

    public SsoRefusedException(SsoProblem problem, String detail, UUID accountId, UUID personId, String subject,
            String email) {
        super(new OAuth2Error("roster_" + problem.code().replace('-', '_'), detail, null), detail);
        this.problem = problem;
        this.accountId = accountId;
        this.personId = personId;
        this.subject = subject;
        this.email = email;
    }

    public SsoProblem problem() {
        return problem;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID personId() {
        return personId;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }
}
