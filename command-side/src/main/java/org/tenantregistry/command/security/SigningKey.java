package org.tenantregistry.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/** The issuer's RSA key, read from a PEM PKCS#8 file; its public half is derived, so one file is all it needs. */
final class SigningKey {

    private static final Pattern PEM_ARMOUR = Pattern.compile("-----(BEGIN|END) PRIVATE KEY-----|\\s");

    private SigningKey() {
    }

    /** The key as a JWK, named by its thumbprint so that a key change is visible in every token's {@code kid}. */
    static RSAKey read(Resource location) {
        String pem;
        try {
            pem = location.getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("tenant-registry.security.issuer.key-location: cannot read the signing key "
                    + location.getDescription() + " (" + e.getMessage() + "). Give a PEM PKCS#8 RSA private key, "
                    + "or disable the issuer.", e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("tenant-registry.security.issuer.key-location: " + location.getDescription()
                    + " holds no PEM PKCS#8 private key (-----BEGIN PRIVATE KEY-----).");
        }
        try {
            byte[] der = Base64.getDecoder().decode(PEM_ARMOUR.matcher(pem).replaceAll(""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalStateException("tenant-registry.security.issuer.key-location: " + location.getDescription()
                    + " is no readable RSA private key (" + e.getMessage() + ").", e);
        }
    }
}
