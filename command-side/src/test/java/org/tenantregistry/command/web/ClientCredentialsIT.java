package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.tenantregistry.command.security.TestIssuer;
import org.tenantregistry.support.security.Scopes;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Service accounts get their access tokens from the side's own issuer, with the client-credentials grant. */
class ClientCredentialsIT extends WebIntegrationTest {

    private Api.Answer requestToken(String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/oauth2/token", form.getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", "Authorization", "Basic " + basic);
    }

    @Test
    void aServiceClientGetsASignedTokenWithTheRegistrysAudienceAndAllItsScopes() {
        Api.Answer answer = requestToken(TestIssuer.CLIENT_ID, TestIssuer.CLIENT_SECRET, "grant_type=client_credentials");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        Jwt token = IssuedTokens.verified(body.get("access_token").asString());
        assertThat(token.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(token.getIssuer().toString()).isEqualTo(IssuedTokens.ISSUER);
        assertThat(token.getAudience()).containsExactly("tenant-registry");
        assertThat(token.getSubject()).isEqualTo(TestIssuer.CLIENT_ID);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(TestIssuer.CLIENT_ID);
        assertThat(token.getClaimAsString("scope").split(" ")).containsExactlyInAnyOrderElementsOf(Scopes.ALL);
        assertThat(token.getId()).isNotBlank();
        assertThat(token.getNotBefore()).isNotNull();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aClientThatAsksForOneScopeGetsOnlyThatOne() {
        Api.Answer answer = requestToken(TestIssuer.CLIENT_ID, TestIssuer.CLIENT_SECRET,
                "grant_type=client_credentials&scope=" + Scopes.TENANTS_READ);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(IssuedTokens.verified(answer.json().get("access_token").asString()).getClaimAsString("scope"))
                .isEqualTo(Scopes.TENANTS_READ);
    }

    @Test
    void anMspAdminsClientGetsTokensBoundToItsPartnerThatCreateUnderItOnly() {
        Api.Answer answer = requestToken(TestIssuer.PARTNER_CLIENT_ID, TestIssuer.CLIENT_SECRET,
                "grant_type=client_credentials");
        String token = answer.json().get("access_token").asString();

        assertThat(IssuedTokens.verified(token).getClaimAsString("partner_id")).isEqualTo(TestIssuer.PARTNER);
        Api.Answer created = Api.withToken(port, token).post("{\"name\": \"Issued To A Partner\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("data").get("partner_id").asString()).isEqualTo(TestIssuer.PARTNER);
        Api.Answer elsewhere = Api.withToken(port, token).post("{\"name\": \"Elsewhere\", \"partner_id\": \"other\"}");
        assertThat(elsewhere.status()).isEqualTo(422);
    }

    @Test
    void aWrongClientSecretGetsTheStandardInvalidClientError() {
        Api.Answer answer = requestToken(TestIssuer.CLIENT_ID, "not-the-secret", "grant_type=client_credentials");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(answer.text()).doesNotContain("access_token");
        // counted against the caller's address, as every guess at a secret is
        assertThat(answer.header("RateLimit")).startsWith("\"writes\";r=");
    }

    @Test
    void theKeySetAndTheMetadataArePublished() {
        Api.Answer keys = api.send("GET", "/oauth2/jwks", (String) null);
        Api.Answer metadata = api.send("GET", "/.well-known/oauth-authorization-server", (String) null);

        assertThat(keys.status()).isEqualTo(200);
        JsonNode key = keys.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("the private exponent stays private").isFalse();
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("issuer").asString()).isEqualTo(IssuedTokens.ISSUER);
        assertThat(metadata.json().get("token_endpoint").asString()).isEqualTo(IssuedTokens.ISSUER + "/oauth2/token");
    }
}
