package dev.roster.oktasimulator.internal;

/**
 * Where a change came from, for the System Log event it produces (debugContext.requestUri, client, actor).
 */
public record ChangeContext(String requestUri, String ipAddress, String userAgent, String transactionType) {
    public static final ChangeContext JAVA_API =
            new ChangeContext(null, "127.0.0.1", "okta-simulator (Java API)", "JOB");

    public static ChangeContext web(String requestUri, String ip, String userAgent) {
        return new ChangeContext(requestUri, ip, userAgent == null ? "unknown" : userAgent, "WEB");
    }
}
