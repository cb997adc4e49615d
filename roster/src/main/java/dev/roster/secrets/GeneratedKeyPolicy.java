package dev.roster.secrets;

/**
 * Where Roster may generate its own secrets key. A generated key lives on one machine's disk: on a
 * database that several instances share, each instance would generate a different one and none
 * could read the others' secrets (hook deliveries failing on whichever instance did not write the
 * hook secret). So only the embedded H2 database and demo mode may go without
 * {@code ROSTER_SECRETS_KEY}; anywhere else Roster refuses to start and says what to set.
 */
final class GeneratedKeyPolicy {

    private GeneratedKeyPolicy() {
    }

    /** The properties, unchanged, when they may be used as they are. */
    static SecretsProperties check(SecretsProperties properties, String datasourceUrl, boolean demo) {
        boolean keySet = properties.key() != null && !properties.key().isBlank();
        boolean embedded = datasourceUrl == null || datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
        if (keySet || embedded || demo) {
            return properties;
        }
        throw new SecretsKeyMissingException(datasourceUrl.split("[?;]", 2)[0], properties.keyFile());
    }
}
