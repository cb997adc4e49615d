package dev.roster.oktasimulator;

import dev.roster.oktasimulator.internal.Ids;
import java.util.List;

/** An error as Okta reports it: HTTP status, error code (E00000xx), summary and causes. */
public class OktaApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final List<String> causes;

    public OktaApiException(int status, String errorCode, String summary, List<String> causes) {
        super(summary);
        this.status = status;
        this.errorCode = errorCode;
        this.causes = List.copyOf(causes);
    }

    public OktaApiException(int status, String errorCode, String summary) {
        this(status, errorCode, summary, List.of());
    }

    public static OktaApiException notFound(String id, String type) {
        return new OktaApiException(404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
    }

    public static OktaApiException validation(String summary, String... causes) {
        return new OktaApiException(400, "E0000001", "Api validation failed: " + summary, List.of(causes));
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorSummary() {
        return getMessage();
    }

    public List<String> causes() {
        return causes;
    }

    /** Okta's error body; errorId is random per response as in Okta ("oae" + 22 characters). */
    public String toJson() {
        StringBuilder out = new StringBuilder(200);
        out.append("{\"errorCode\":\"").append(errorCode).append("\",\"errorSummary\":");
        dev.roster.oktasimulator.internal.Json.string(out, getMessage());
        out.append(",\"errorLink\":\"").append(errorCode).append("\",\"errorId\":\"oae")
                .append(Ids.secret(22)).append("\",\"errorCauses\":[");
        for (int i = 0; i < causes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"errorSummary\":");
            dev.roster.oktasimulator.internal.Json.string(out, causes.get(i));
            out.append('}');
        }
        return out.append("]}").toString();
    }
}
