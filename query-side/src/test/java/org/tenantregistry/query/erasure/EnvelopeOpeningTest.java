package org.tenantregistry.query.erasure;

import org.junit.jupiter.api.Test;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.SealedValueException;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.query.support.SealedEnvelopes;
import org.tenantregistry.query.support.TenantStream;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeOpeningTest {

    private final TenantStream tenant = TenantStream.newTenant();
    private final byte[] key = randomKey();

    @Test
    void sealedFieldsComeOutOpenedWithTheTenantsKey() {
        Keys keys = new Keys(Optional.of(key));
        EnvelopeOpening opening = new EnvelopeOpening(keys, new TenantEventCodec());
        TenantEventEnvelope created = SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key);
        TenantEventEnvelope user = SealedEnvelopes.sealed(tenant.next(new UserAdded(tenant.tenantId(),
                UUID.randomUUID(), "ops@acme.example", MemberStatus.ACTIVE)), key);
        assertThat(SealedFields.isSealed(created.data().get("profile").get("address"))).isTrue();

        TenantCreated opened = (TenantCreated) opening.eventOf(created).orElseThrow();
        UserAdded member = (UserAdded) opening.eventOf(user).orElseThrow();

        assertThat(opened.profile().address()).isEqualTo("Main street 1");
        assertThat(opened.profile().city()).isEqualTo("Berlin");
        assertThat(opened.profile().postCode()).isEqualTo("10115");
        assertThat(opened.profile().countryCode()).isEqualTo("DE");
        assertThat(member.email()).isEqualTo("ops@acme.example");
        assertThat(keys.asked).containsOnly(tenant.tenantId());
    }

    @Test
    void theEnvelopeItselfStaysSealed() {
        EnvelopeOpening opening = new EnvelopeOpening(new Keys(Optional.of(key)), new TenantEventCodec());
        TenantEventEnvelope created = SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key);

        TenantEventEnvelope opened = opening.opened(created);

        assertThat(opened.data().get("profile").get("address").asString()).isEqualTo("Main street 1");
        assertThat(SealedFields.isSealed(created.data().get("profile").get("address"))).isTrue();
        assertThat(opened).usingRecursiveComparison().ignoringFields("data").isEqualTo(created);
    }

    @Test
    void anEnvelopeWithoutSealedValuesNeedsNoKey() {
        Keys keys = new Keys(Optional.of(key));
        EnvelopeOpening opening = new EnvelopeOpening(keys, new TenantEventCodec());
        TenantEventEnvelope plain = tenant.created("Acme", "acme", null, "DE");

        assertThat(opening.opened(plain)).isSameAs(plain);
        assertThat(((TenantCreated) opening.eventOf(plain).orElseThrow()).profile().address())
                .isEqualTo("Main street 1");
        assertThat(keys.asked).isEmpty();
    }

    @Test
    void aDestroyedKeyLeavesTheSealedFieldsNull() {
        EnvelopeOpening opening = new EnvelopeOpening(new Keys(Optional.empty()), new TenantEventCodec());
        TenantEventEnvelope created = SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key);

        TenantCreated erased = (TenantCreated) opening.eventOf(created).orElseThrow();

        assertThat(erased.profile().address()).isNull();
        assertThat(erased.profile().city()).isNull();
        assertThat(erased.profile().postCode()).isNull();
        assertThat(erased.profile().countryCode()).isEqualTo("DE");
        assertThat(erased.name()).isEqualTo("Acme");
    }

    @Test
    void aValueSealedWithAnotherKeyIsMalformed() {
        EnvelopeOpening opening = new EnvelopeOpening(new Keys(Optional.of(randomKey())), new TenantEventCodec());
        TenantEventEnvelope created = SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key);

        assertThatThrownBy(() -> opening.eventOf(created)).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("profile.address");
    }

    @Test
    void aKeyThatCannotBeHadNowIsPassedOnForARetry() {
        EventKeyUnavailableException away = new EventKeyUnavailableException("command side away", null);
        EnvelopeOpening opening = new EnvelopeOpening(new Keys(away), new TenantEventCodec());
        TenantEventEnvelope created = SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key);

        assertThatThrownBy(() -> opening.eventOf(created)).isSameAs(away);
    }

    @Test
    void keysAreFetchedOncePerTenantOfSealedEnvelopesAndAnUnknownTenantIsLeftToTheOpening() {
        Keys keys = new Keys(Optional.of(key));
        EnvelopeOpening opening = new EnvelopeOpening(keys, new TenantEventCodec());
        TenantStream plain = TenantStream.newTenant();

        opening.fetchKeys(List.of(SealedEnvelopes.sealed(tenant.created("Acme", "acme", null, "DE"), key),
                SealedEnvelopes.sealed(tenant.next(new UserAdded(tenant.tenantId(), UUID.randomUUID(),
                        "ops@acme.example", MemberStatus.ACTIVE)), key),
                plain.created("Plain", "plain", null, "DE")));

        assertThat(keys.asked).containsExactly(tenant.tenantId());
        EnvelopeOpening unknown = new EnvelopeOpening(new Keys(new EventKeyNotFoundException(tenant.tenantId())),
                new TenantEventCodec());
        TenantEventEnvelope sealed = SealedEnvelopes.sealed(tenant.next(new UserAdded(tenant.tenantId(),
                UUID.randomUUID(), "x@acme.example", MemberStatus.ACTIVE)), key);
        unknown.fetchKeys(List.of(sealed));
        assertThatThrownBy(() -> unknown.eventOf(sealed)).isInstanceOf(EventKeyNotFoundException.class);
        EventKeyUnavailableException away = new EventKeyUnavailableException("command side away", null);
        assertThatThrownBy(() -> new EnvelopeOpening(new Keys(away), new TenantEventCodec()).fetchKeys(List.of(sealed)))
                .isSameAs(away);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[SealedFields.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Gives one answer for every tenant, and remembers whom it was asked for. */
    private static final class Keys implements EventKeys {

        private final Optional<byte[]> key;
        private final RuntimeException failure;
        private final List<UUID> asked = new ArrayList<>();

        Keys(Optional<byte[]> key) {
            this.key = key;
            this.failure = null;
        }

        Keys(RuntimeException failure) {
            this.key = Optional.empty();
            this.failure = failure;
        }

        @Override
        public Optional<byte[]> keyOf(UUID tenantId) {
            asked.add(tenantId);
            if (failure != null) {
                throw failure;
            }
            return key;
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }
}
