package org.tenantregistry.command.security;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * The issuer's settings for every test context of this module (registered in {@code META-INF/spring.factories}): a
 * signing key generated once per test run and written under {@code target/}, so that no private key is committed,
 * and the hashes of the test admin's password and the test client's secret.
 */
public final class TestIssuer implements EnvironmentPostProcessor {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String CLIENT_ID = "test-service";
    public static final String CLIENT_SECRET = "test-service-secret";

    private static final KeyPair KEY_PAIR = generate();
    private static final Map<String, Object> SETTINGS = settings();

    /** The public half of the key the test contexts sign with. */
    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEY_PAIR.getPublic();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Last: a test that sets one of these itself wins.
        environment.getPropertySources().addLast(new MapPropertySource("test-issuer", SETTINGS));
    }

    private static Map<String, Object> settings() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String prefix = "tenant-registry.security.issuer.";
        return Map.of(
                prefix + "key-location", "file:" + writeKey(),
                prefix + "admin.username", ADMIN,
                prefix + "admin.password-hash", encoder.encode(ADMIN_PASSWORD),
                prefix + "clients[0].client-id", CLIENT_ID,
                prefix + "clients[0].secret-hash", encoder.encode(CLIENT_SECRET));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeKey() {
        try {
            Path file = Path.of("target", "test-issuer", "signing-key.pem").toAbsolutePath();
            Files.createDirectories(file.getParent());
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEY_PAIR.getPrivate().getEncoded());
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
