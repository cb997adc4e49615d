package dev.roster.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing-key refusal as Spring Boot's start-up report instead of a bean-creation stack trace. */
class SecretsKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<SecretsKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsKeyMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ROSTER_SECRETS_KEY (base64 of 32 random bytes, the same on every instance) and start again.",
                cause);
    }
}
