package dev.roster.sso.internal;

import java.util.Arrays;

/**
 * Every way a single sign-on can fail, with the message a person sees. The code travels in the
 * problem page's URL and the audit, never a stack trace or Okta's raw text.
 */
public enum SsoProblem {
    NOT_ENABLED("not-enabled", 404, "Single sign-on is not set up for this account.",
            "Sign in with your email and password, or ask your admin to connect Okta."),
    OKTA_UNAVAILABLE("okta-unavailable", 503, "Okta could not be reached.",
            "Please try again in a minute. If it keeps happening, tell your admin."),
    ISSUER_MISMATCH("issuer-mismatch", 400, "This sign-in came from another Okta org.",
            "Start again from your Okta dashboard or this account's sign-in page."),
    BAD_TARGET("bad-target", 400, "This sign-in link is not valid.",
            "It asked to go to a page outside Roster. Start again from this account's sign-in page."),
    STATE("state", 400, "This sign-in has expired or was not started here.",
            "Please start again from this account's sign-in page."),
    NONCE("nonce", 400, "Okta's answer did not match this sign-in.",
            "Please start again from this account's sign-in page."),
    ID_TOKEN("id-token", 400, "Okta's answer could not be verified.",
            "Please start again. If it keeps happening, tell your admin."),
    CODE("code", 400, "This sign-in was already used or has expired.",
            "Please start again from this account's sign-in page."),
    ACCESS_DENIED("access-denied", 403, "Okta did not let you in.",
            "Ask your admin to assign Roster to you in Okta."),
    NOT_ASSIGNED("not-assigned", 403, "You are not set up in Roster yet.",
            "Ask your admin to assign Roster to you in Okta."),
    TAKEN("taken", 403, "Your email belongs to a Roster person linked to another Okta user.",
            "Nothing was changed. Ask your admin to check who this person is linked to."),
    DEACTIVATED("deactivated", 403, "Your access to this account has been deactivated.",
            "Ask your admin if you think this is a mistake."),
    SETTINGS_CHANGED("settings-changed", 409, "This account's Okta settings changed during your sign-in.",
            "Please start again from this account's sign-in page."),
    FAILED("failed", 400, "Single sign-on did not work.",
            "Please start again. If it keeps happening, tell your admin.");

    private final String code;
    private final int status;
    private final String title;
    private final String advice;

    SsoProblem(String code, int status, String title, String advice) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.advice = advice;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String advice() {
        return advice;
    }

    public static SsoProblem fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(FAILED);
    }

    /** Spring Security's and Okta's OAuth 2.0 error codes, mapped to what a person can act on. */
    public static SsoProblem fromOAuth2Error(String errorCode) {
        return switch (errorCode == null ? "" : errorCode) {
            case "authorization_request_not_found", "client_registration_not_found",
                    "invalid_redirect_uri_parameter" -> STATE;
            case "invalid_nonce" -> NONCE;
            case "invalid_id_token", "missing_signature_verifier" -> ID_TOKEN;
            case "invalid_grant", "invalid_token_response", "invalid_state_parameter" -> CODE;
            case "access_denied" -> ACCESS_DENIED;
            default -> FAILED;
        };
    }
}
