package dev.roster.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Encrypts secrets for storage with the JDK's AES-256-GCM: {@code v1:<key id>:<base64(iv ‖ ciphertext)>}.
 * Values written under an old key still decrypt while that key is listed in the old keys.
 */
@Service
@EnableConfigurationProperties(SecretsProperties.class)
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    /** Problems already logged: each is logged once per process, not once per delivery. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Refuses to generate a key where several instances would each generate their own (see {@link GeneratedKeyPolicy}). */
    @Autowired
    SecretBox(SecretsProperties properties, Environment environment) {
        this(GeneratedKeyPolicy.check(properties, environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("roster.demo.enabled", Boolean.class, false)));
    }

    public SecretBox(SecretsProperties properties) {
        byte[] current = properties.key() == null || properties.key().isBlank()
                ? keyFromFile(Path.of(properties.keyFile()))
                : decodeKey(properties.key(), "ROSTER_SECRETS_KEY");
        currentId = keyId(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (String old : properties.oldKeys()) {
            byte[] bytes = decodeKey(old, "ROSTER_SECRETS_OLD_KEYS");
            keys.putIfAbsent(keyId(bytes), new SecretKeySpec(bytes, "AES"));
        }
    }

    /** The value to store; an unreadable secret is written back exactly as it was read. */
    public String encrypt(Secret secret) {
        if (!secret.readable()) {
            return secret.sealed();
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v1:" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public Secret decrypt(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("not a Roster secret value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("secret was written with key " + parts[1]
                    + ", which is not configured; add it to ROSTER_SECRETS_OLD_KEYS");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return Secret.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret could not be decrypted (wrong key or damaged value)");
        }
    }

    /**
     * Like {@link #decrypt}, but a value this instance cannot decrypt becomes an unreadable
     * {@link Secret} instead of an exception, so whatever holds it still loads (and can say what is
     * wrong). The problem is logged once per key id, without secret material.
     */
    public Secret open(String stored) {
        try {
            return decrypt(stored);
        } catch (IllegalStateException e) {
            String[] parts = stored.split(":", 3);
            String problem = parts.length == 3 && !keys.containsKey(parts[1])
                    ? "it was written with secrets key " + parts[1] + ", which this instance does not have (its key is "
                            + currentId + "): set ROSTER_SECRETS_KEY to that key on every instance, or add it to"
                            + " ROSTER_SECRETS_OLD_KEYS"
                    : "it is damaged or was written with another key of the same id (this instance's key is "
                            + currentId + ")";
            if (reported.add(problem)) {
                log.error("A stored secret cannot be read: {}. Whatever needs it fails until then (hook deliveries"
                        + " are answered 401); the Okta page says which.", problem);
            }
            return Secret.unreadable(stored, problem);
        }
    }

    /** The id of the key new values are written with. */
    public String currentKeyId() {
        return currentId;
    }

    private static byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("No POSIX permissions on this file system");
            }
            log.warn("No ROSTER_SECRETS_KEY set: generated a secrets key in {}. Set ROSTER_SECRETS_KEY in "
                    + "production, the same on every instance.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secrets key file " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 256 bits (32 bytes, base64), got " + key.length + " bytes");
        }
        return key;
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
