package org.tenantregistry.launcher.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * How the sides learn of the local credentials. Both check tokens with the public key; the command side also issues
 * them, and gets the admin's and the client's hashes in its process environment, where {@code ps} does not show them
 * (a command line is visible to every user of the machine). The variables are Spring Boot's names for the
 * {@code tenant-registry.security.issuer.*} settings (dots as underscores, dashes dropped). The query side asks the
 * command side for tenants' event keys (sealed fields) as the service client, its secret in its environment too.
 *
 * @param issuer the tokens' issuer: the gateway's base URL, where clients get and use them
 */
public record SideSecuritySettings(LocalCredentials credentials, URI issuer) {

    public static final String AUDIENCE = "tenant-registry";

    private static final String ISSUER_VARIABLES = "TENANTREGISTRY_SECURITY_ISSUER_";
    private static final String EVENT_KEYS_SECRET_VARIABLE = "TENANTREGISTRY_EVENTKEYS_CLIENTSECRET";

    /** What both sides need to check tokens, as command-line arguments: nothing secret. */
    public List<String> tokenCheckArguments() {
        return List.of(
                "--tenant-registry.security.jwt.issuer-uri=" + issuer,
                "--tenant-registry.security.jwt.public-key-location=file:" + credentials.publicKey(),
                "--tenant-registry.security.jwt.audience=" + AUDIENCE);
    }

    /**
     * Where the query side gets tenants' event keys, as command-line arguments: the command side (its key endpoint,
     * and its issuer's {@code /oauth2/token}) and the service client's id; nothing secret.
     */
    public List<String> eventKeyArguments(URI commandSide) {
        return List.of(
                "--tenant-registry.event-keys.uri=" + commandSide,
                "--tenant-registry.event-keys.client-id=" + LocalCredentials.SERVICE_CLIENT);
    }

    /** The service client's secret for the query side's key requests, as its environment. */
    public Map<String, String> eventKeyEnvironment() {
        return Map.of(EVENT_KEYS_SECRET_VARIABLE, credentials.clientSecret());
    }

    /** The command side's issuer, as its environment: the secrets only as bcrypt hashes. */
    public Map<String, String> issuerEnvironment() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return Map.of(
                ISSUER_VARIABLES + "ENABLED", "true",
                ISSUER_VARIABLES + "URI", issuer.toString(),
                ISSUER_VARIABLES + "AUDIENCE", AUDIENCE,
                ISSUER_VARIABLES + "KEYLOCATION", "file:" + credentials.privateKey(),
                ISSUER_VARIABLES + "ADMIN_USERNAME", LocalCredentials.ADMIN,
                ISSUER_VARIABLES + "ADMIN_PASSWORDHASH", "{bcrypt}" + bcrypt.encode(credentials.adminPassword()),
                ISSUER_VARIABLES + "CLIENTS_0_CLIENTID", LocalCredentials.SERVICE_CLIENT,
                ISSUER_VARIABLES + "CLIENTS_0_SECRETHASH", "{bcrypt}" + bcrypt.encode(credentials.clientSecret()));
    }
}
