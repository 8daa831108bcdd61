package org.tenantregistry.command.security;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tenantregistry.support.security.TestTokens;

import java.util.Map;

/**
 * The issuer's settings for every test context of this module (registered in {@code META-INF/spring.factories}): it
 * signs with {@link TestTokens}' key (made at each test run, so no private key is committed), and knows the test
 * admin's password and the test client's secret by their hashes, as a deployment's issuer would.
 */
public final class TestIssuer implements EnvironmentPostProcessor {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String CLIENT_ID = "test-service";
    public static final String CLIENT_SECRET = "test-service-secret";
    /** A client of an MSP admin: its tokens are bound to this partner. */
    public static final String PARTNER_CLIENT_ID = "test-msp";
    public static final String PARTNER = "partner-of-test-msp";

    private static final Map<String, Object> SETTINGS = settings();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Last: a test that sets one of these itself wins.
        environment.getPropertySources().addLast(new MapPropertySource("test-issuer", SETTINGS));
    }

    private static Map<String, Object> settings() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String prefix = "tenant-registry.security.issuer.";
        return Map.of(
                prefix + "key-location", "file:" + TestTokens.PRIVATE_KEY.toAbsolutePath(),
                prefix + "admin.username", ADMIN,
                prefix + "admin.password-hash", encoder.encode(ADMIN_PASSWORD),
                prefix + "clients[0].client-id", CLIENT_ID,
                prefix + "clients[0].secret-hash", encoder.encode(CLIENT_SECRET),
                prefix + "clients[1].client-id", PARTNER_CLIENT_ID,
                prefix + "clients[1].secret-hash", encoder.encode(CLIENT_SECRET),
                prefix + "clients[1].partner-id", PARTNER);
    }
}
