package dev.roster.provisioning;

/** Okta could not be asked (network, 5xx after retries, 401/403 on Roster's credentials). */
public class OktaUnavailableException extends RuntimeException {

    public OktaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public OktaUnavailableException(String message) {
        super(message);
    }
}
