package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/me, and seed 001's switch tenant: the caller's current tenant, kept per token subject and client. */
class CurrentTenantIT extends WebIntegrationTest {

    private String partnerTenant(String partner) {
        return api.create("{\"name\": \"" + unique("Tenant") + "\", \"partner_id\": \"" + partner + "\"}");
    }

    private Api mspAdmin(String subject, String partner) {
        return Api.withToken(port, TestTokens.token().subject(subject).partner(partner)
                .scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE).claim("client_id", "msp-console").sign());
    }

    private int storedSwitches(String subject) {
        return jdbc.sql("SELECT count(*) FROM current_tenant WHERE subject = :subject").param("subject", subject)
                .query(Integer.class).single();
    }

    @Test
    void meSaysWhoTheCallerIsAndThatItHasNoCurrentTenantYet() {
        String subject = unique("msp");

        Api.Answer me = mspAdmin(subject, "p1").send("GET", "/api/me", (String) null);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("message").asString()).isEqualTo("Caller loaded successfully.");
        var data = me.json().get("data");
        assertThat(data.get("subject").asString()).isEqualTo(subject);
        assertThat(data.get("client_id").asString()).isEqualTo("msp-console");
        assertThat(data.get("scopes").valueStream().map(scope -> scope.asString()))
                .containsExactly(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE);
        assertThat(data.get("partner_id").asString()).isEqualTo("p1");
        assertThat(data.get("tenant_id").isNull()).isTrue();
        assertThat(data.get("current_tenant_id").isNull()).isTrue();
    }

    @Test
    void meNeedsAToken() {
        assertThat(Api.anonymous(port).send("GET", "/api/me", (String) null).status()).isEqualTo(401);
    }

    @Test
    void aSwitchAnswersAsSeed001SaysAndMeShowsIt() {
        String subject = unique("msp");
        String tenant = partnerTenant("p1");

        Api.Answer switched = mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + tenant + "/switch", (String) null);

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().get("success").asBoolean()).isTrue();
        assertThat(switched.json().get("data").get("current_tenant_id").asString()).isEqualTo(tenant);
        assertThat(mspAdmin(subject, "p1").send("GET", "/api/me", (String) null).json()
                .get("data").get("current_tenant_id").asString()).isEqualTo(tenant);
    }

    @Test
    void aSwitchTakesTheTenantsNumberAndARepeatChangesNothing() {
        String subject = unique("msp");
        Api.Answer created = api.post("{\"name\": \"" + unique("Numbered") + "\", \"partner_id\": \"p1\"}");
        String tenant = created.json().get("data").get("id").asString();
        int number = created.json().get("data").get("number").asInt();

        Api.Answer first = mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + number + "/switch", (String) null);
        Api.Answer again = mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + number + "/switch", (String) null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("data").get("current_tenant_id").asString()).isEqualTo(tenant);
        assertThat(storedSwitches(subject)).isEqualTo(1);
    }

    @Test
    void aLaterSwitchReplacesTheEarlierOne() {
        String subject = unique("msp");
        String first = partnerTenant("p1");
        String second = partnerTenant("p1");

        mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + first + "/switch", (String) null);
        mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + second + "/switch", (String) null);

        assertThat(mspAdmin(subject, "p1").send("GET", "/api/me", (String) null).json()
                .get("data").get("current_tenant_id").asString()).isEqualTo(second);
    }

    @Test
    void theCurrentTenantIsPerClientAsWellAsPerSubject() {
        String subject = unique("svc");
        String tenant = partnerTenant("p1");
        mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + tenant + "/switch", (String) null);

        Api otherClient = Api.withToken(port, TestTokens.token().subject(subject).partner("p1")
                .claim("client_id", "another-client").sign());

        assertThat(otherClient.send("GET", "/api/me", (String) null).json().get("data").get("current_tenant_id")
                .isNull()).isTrue();
    }

    @Test
    void anotherPartnersTenantCannotBeSwitchedToAndNothingIsWritten() {
        String subject = unique("msp");
        String foreign = partnerTenant("p2");

        Api.Answer refused = mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + foreign + "/switch", (String) null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith(":tenant-not-found");
        assertThat(storedSwitches(subject)).isZero();
    }

    @Test
    void anUnknownTenantCannotBeSwitchedTo() {
        String subject = unique("msp");

        Api.Answer refused = mspAdmin(subject, "p1")
                .send("PUT", "/api/tenants/" + UUID.randomUUID() + "/switch", (String) null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(storedSwitches(subject)).isZero();
    }

    @Test
    void aTrashedTenantCannotBeSwitchedTo() {
        String subject = unique("msp");
        String deleted = partnerTenant("p1");
        api.send("DELETE", "/api/tenants/" + deleted, (String) null);
        String deactivated = partnerTenant("p1");
        api.send("PUT", "/api/tenants/" + deactivated + "/deactivate", "{\"user_status\": 0}");

        Api.Answer toDeleted = mspAdmin(subject, "p1").send("PUT", "/api/tenants/" + deleted + "/switch", (String) null);
        Api.Answer toDeactivated = mspAdmin(subject, "p1")
                .send("PUT", "/api/tenants/" + deactivated + "/switch", (String) null);

        assertThat(toDeleted.status()).isEqualTo(409);
        assertThat(toDeleted.json().get("current_status").asString()).isEqualTo("deleted");
        assertThat(toDeactivated.status()).isEqualTo(409);
        assertThat(storedSwitches(subject)).isZero();
    }

    @Test
    void creatingATenantMovesTheCreatorToIt() {
        String subject = unique("msp");

        String tenant = mspAdmin(subject, "p1").create("{\"name\": \"" + unique("Created") + "\"}");

        assertThat(mspAdmin(subject, "p1").send("GET", "/api/me", (String) null).json()
                .get("data").get("current_tenant_id").asString()).isEqualTo(tenant);
    }

    @Test
    void creatingThroughSeed004sPathMovesTheCreatorToo() {
        String subject = unique("svc");
        Api caller = Api.withToken(port, TestTokens.token().subject(subject).sign());

        Api.Answer created = caller.send("POST", "/api/v1/admin/tenants/", "{\"name\": \"" + unique("Admin") + "\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(caller.send("GET", "/api/me", (String) null).json().get("data").get("current_tenant_id")
                .asString()).isEqualTo(created.json().get("data").get("id").asString());
    }

    @Test
    void aClientAdminsCurrentTenantIsItsOwnAndItSwitchesToNoOther() {
        String own = partnerTenant("p1");
        String other = partnerTenant("p1");
        String subject = unique("client-admin");
        Api clientAdmin = Api.withToken(port, TestTokens.token().subject(subject).partner("p1").tenant(own)
                .scopes(Scopes.SETTINGS_MANAGE, Scopes.TENANTS_READ).sign());

        assertThat(clientAdmin.send("GET", "/api/me", (String) null).json().get("data").get("current_tenant_id")
                .asString()).isEqualTo(own);
        assertThat(clientAdmin.send("PUT", "/api/tenants/" + other + "/switch", (String) null).status())
                .isEqualTo(404);
        assertThat(storedSwitches(subject)).isZero();
    }

    @Test
    void aSubjectThatCannotBeStoredIsAProblemNotAFailure() {
        Api odd = Api.withToken(port, TestTokens.token().subject("nul\u0000byte").sign());
        String tenant = partnerTenant("p1");

        Api.Answer created = odd.post("{\"name\": \"" + unique("Odd") + "\"}");
        Api.Answer me = odd.send("GET", "/api/me", (String) null);
        Api.Answer switched = odd.send("PUT", "/api/tenants/" + tenant + "/switch", (String) null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("data").get("current_tenant_id").isNull()).isTrue();
        assertThat(switched.status()).isEqualTo(400);
        assertThat(switched.header("Content-Type")).startsWith("application/problem+json");
    }
}
