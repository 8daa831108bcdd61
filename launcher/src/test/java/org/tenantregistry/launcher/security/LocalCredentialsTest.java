package org.tenantregistry.launcher.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCredentialsTest {

    @Test
    void theFirstStartMakesAKeyPairAndSecretsThatOnlyTheUserCanRead(@TempDir Path data) throws Exception {
        Path folder = data.resolve("security");

        LocalCredentials credentials = LocalCredentials.loadOrCreate(folder);

        assertThat(credentials.createdNow()).isTrue();
        assertThat(credentials.adminPassword()).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(credentials.clientSecret());
        assertThat(credentials.clientSecret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        for (Path file : new Path[]{credentials.privateKey(), credentials.publicKey(), credentials.credentialsFile()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(credentials.credentialsFile()))
                .contains("admin.username=admin", "admin.password=" + credentials.adminPassword(),
                        "client.id=registry-service", "client.secret=" + credentials.clientSecret());

        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(der(credentials.privateKey(), "PRIVATE KEY")));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new X509EncodedKeySpec(der(credentials.publicKey(), "PUBLIC KEY")));
        assertThat(publicKey.getModulus()).isEqualTo(privateKey.getModulus());
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void aLaterStartReadsTheSameCredentialsAndDoesNotShowThem(@TempDir Path data) throws Exception {
        LocalCredentials first = LocalCredentials.loadOrCreate(data.resolve("security"));
        String key = Files.readString(first.privateKey());

        LocalCredentials later = LocalCredentials.loadOrCreate(data.resolve("security"));

        assertThat(later.createdNow()).isFalse();
        assertThat(later.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(later.clientSecret()).isEqualTo(first.clientSecret());
        assertThat(Files.readString(later.privateKey())).isEqualTo(key);
    }

    @Test
    void twoDataFoldersGetDifferentSecrets(@TempDir Path data) {
        LocalCredentials one = LocalCredentials.loadOrCreate(data.resolve("one"));
        LocalCredentials other = LocalCredentials.loadOrCreate(data.resolve("other"));

        assertThat(other.adminPassword()).isNotEqualTo(one.adminPassword());
        assertThat(other.clientSecret()).isNotEqualTo(one.clientSecret());
    }

    @Test
    void theSidesGetHashesInTheEnvironmentAndNothingSecretOnTheCommandLine(@TempDir Path data) {
        LocalCredentials credentials = LocalCredentials.loadOrCreate(data.resolve("security"));
        SideSecuritySettings settings = new SideSecuritySettings(credentials, URI.create("http://localhost:8080"));
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        Map<String, String> environment = settings.issuerEnvironment();

        assertThat(environment).containsEntry("TENANTREGISTRY_SECURITY_ISSUER_ENABLED", "true")
                .containsEntry("TENANTREGISTRY_SECURITY_ISSUER_URI", "http://localhost:8080")
                .containsEntry("TENANTREGISTRY_SECURITY_ISSUER_CLIENTS_0_CLIENTID", "registry-service");
        assertThat(encoder.matches(credentials.adminPassword(),
                environment.get("TENANTREGISTRY_SECURITY_ISSUER_ADMIN_PASSWORDHASH"))).isTrue();
        assertThat(encoder.matches(credentials.clientSecret(),
                environment.get("TENANTREGISTRY_SECURITY_ISSUER_CLIENTS_0_SECRETHASH"))).isTrue();
        assertThat(environment.values()).doesNotContain(credentials.adminPassword(), credentials.clientSecret());
        assertThat(String.join(" ", settings.tokenCheckArguments()))
                .contains("--tenant-registry.security.jwt.public-key-location=file:" + credentials.publicKey())
                .doesNotContain(credentials.adminPassword(), credentials.clientSecret(), "signing-key.pem ");
    }

    @Test
    void theQuerySideGetsTheServiceClientsSecretInTheEnvironmentForItsKeyRequests(@TempDir Path data) {
        LocalCredentials credentials = LocalCredentials.loadOrCreate(data.resolve("security"));
        SideSecuritySettings settings = new SideSecuritySettings(credentials, URI.create("http://localhost:8080"));

        assertThat(settings.eventKeyEnvironment())
                .containsExactly(Map.entry("TENANTREGISTRY_EVENTKEYS_CLIENTSECRET", credentials.clientSecret()));
        assertThat(settings.eventKeyArguments(URI.create("http://localhost:8081"))).containsExactly(
                        "--tenant-registry.event-keys.uri=http://localhost:8081",
                        "--tenant-registry.event-keys.client-id=registry-service")
                .noneMatch(argument -> argument.contains(credentials.clientSecret()));
    }

    private static byte[] der(Path pem, String type) throws Exception {
        String text = Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN " + type + "-----\n").endsWith("-----END " + type + "-----\n");
        return Base64.getMimeDecoder().decode(text.replace("-----BEGIN " + type + "-----", "")
                .replace("-----END " + type + "-----", ""));
    }
}
