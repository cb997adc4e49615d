package dev.roster.secrets;

/** A stored secret was needed but this instance cannot decrypt it; the message names the key, never the secret. */
public class UnreadableSecretException extends IllegalStateException {

    UnreadableSecretException(String problem) {
        super("a stored secret cannot be read: " + problem);
    }
}
