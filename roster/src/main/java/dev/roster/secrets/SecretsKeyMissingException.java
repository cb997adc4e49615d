package dev.roster.secrets;

/** Roster was started on a shared database without {@code ROSTER_SECRETS_KEY}; the message says what to set. */
public class SecretsKeyMissingException extends IllegalStateException {

    SecretsKeyMissingException(String database, String keyFile) {
        super("ROSTER_SECRETS_KEY is not set, and the database (" + database + ") is not the embedded H2 one. "
                + "Set ROSTER_SECRETS_KEY to the same base64 256-bit key on every instance: generate one with "
                + "`openssl rand -base64 32`, or, if this installation ran before with a generated key, use the "
                + "content of " + keyFile + " from the machine that wrote the secrets, so they stay readable.");
    }
}
