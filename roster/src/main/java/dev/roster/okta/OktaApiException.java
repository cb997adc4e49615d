package dev.roster.okta;

/**
 * Okta answered with an error Roster cannot retry its way out of, or stayed unreachable after
 * the retries. {@link #credentialsRejected()} tells the admin to fix the API token or service app.
 */
public class OktaApiException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public OktaApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public OktaApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = null;
    }

    /** HTTP status, or 0 when Okta could not be reached. */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean credentialsRejected() {
        return status == 401 || status == 403;
    }
}
