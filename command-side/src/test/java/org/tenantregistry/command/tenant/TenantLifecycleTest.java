package org.tenantregistry.command.tenant;

import static org.tenantregistry.command.tenant.TenantMatchers.created;
import static org.tenantregistry.command.tenant.TenantMatchers.version;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.command.domain.InMemoryDomainRechecks;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tenantregistry.command.tenant.Drafts.draft;
import static org.tenantregistry.command.tenant.TenantMatchers.illegalTransitionFrom;
import static org.tenantregistry.command.tenant.TenantMatchers.invalidFields;
import static org.tenantregistry.command.tenant.TenantMatchers.staleAgainst;
import static org.tenantregistry.command.tenant.Tenants.ID;
import static org.tenantregistry.command.tenant.Tenants.OTHER_TENANT;
import static org.tenantregistry.command.tenant.Tenants.claimsOf;
import static org.tenantregistry.command.tenant.Tenants.fullAcme;
import static org.tenantregistry.command.tenant.Tenants.plainAcme;

/** The lifecycle commands: active ⇄ suspended, active ⇄ deactivated, any → deleted → restored or purged. */
class TenantLifecycleTest {

    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryTenantNumbers());
        fixture.registerInjectableResource(new InMemoryDomainRechecks());
    }

    private static TenantSuspended suspended() {
        return new TenantSuspended(ID, "unpaid");
    }

    private static TenantDeactivated deactivated() {
        return new TenantDeactivated(ID, MemberStatus.PASSIVE);
    }

    private static TenantDeleted deletedFrom(TenantStatus previous) {
        return new TenantDeleted(ID, previous);
    }

    // SuspendTenant

    @Test
    void anActiveTenantCanBeSuspendedForAReason() {
        fixture.given(plainAcme())
                .when(new SuspendTenant(ID, 1L, "unpaid invoices"))
                .expectEvents(new TenantSuspended(ID, "unpaid invoices"))
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void theSuspensionReasonIsStripped() {
        fixture.given(plainAcme())
                .when(new SuspendTenant(ID, null, "  unpaid  "))
                .expectEvents(new TenantSuspended(ID, "unpaid"));
    }

    @Test
    void aSuspensionWithoutAReasonIsRefusedWithKeyReason() {
        fixture.given(plainAcme())
                .when(new SuspendTenant(ID, null, null))
                .expectException(invalidFields("reason"))
                .expectNoEvents();
    }

    @Test
    void aSuspensionWithABlankReasonIsRefusedWithKeyReason() {
        fixture.given(plainAcme())
                .when(new SuspendTenant(ID, null, " \t"))
                .expectException(invalidFields("reason"))
                .expectNoEvents();
    }

    @Test
    void cannotSuspendASuspendedTenant() {
        fixture.given(plainAcme(), suspended())
                .when(new SuspendTenant(ID, null, "again"))
                .expectException(illegalTransitionFrom(TenantStatus.SUSPENDED))
                .expectExceptionMessage("cannot suspend a tenant that is suspended")
                .expectNoEvents();
    }

    @Test
    void cannotSuspendADeactivatedTenant() {
        fixture.given(plainAcme(), deactivated())
                .when(new SuspendTenant(ID, null, "unpaid"))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void cannotSuspendADeletedTenant() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new SuspendTenant(ID, null, "unpaid"))
                .expectException(IllegalTransitionException.class)
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void aSuspensionWithAStaleVersionIsRefused() {
        fixture.given(plainAcme(), suspended(), new TenantReactivated(ID))
                .when(new SuspendTenant(ID, 2L, "unpaid"))
                .expectException(StaleVersionException.class)
                .expectException(staleAgainst(3L))
                .expectNoEvents();
    }

    // ReactivateTenant

    @Test
    void aSuspendedTenantCanBeReactivated() {
        fixture.given(plainAcme(), suspended())
                .when(new ReactivateTenant(ID, 2L))
                .expectEvents(new TenantReactivated(ID))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void aReactivatedTenantCanBeSuspendedAgain() {
        fixture.given(plainAcme(), suspended(), new TenantReactivated(ID))
                .when(new SuspendTenant(ID, 3L, "unpaid again"))
                .expectEvents(new TenantSuspended(ID, "unpaid again"))
                .expectResultMessagePayloadMatching(version(4L));
    }

    @Test
    void cannotReactivateAnActiveTenant() {
        fixture.given(plainAcme())
                .when(new ReactivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.ACTIVE))
                .expectExceptionMessage("cannot reactivate a tenant that is active")
                .expectNoEvents();
    }

    @Test
    void cannotReactivateADeactivatedTenant() {
        fixture.given(plainAcme(), deactivated())
                .when(new ReactivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void cannotReactivateADeletedTenant() {
        fixture.given(plainAcme(), suspended(), deletedFrom(TenantStatus.SUSPENDED))
                .when(new ReactivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void aReactivationWithAStaleVersionIsRefused() {
        fixture.given(plainAcme(), suspended())
                .when(new ReactivateTenant(ID, 1L))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
    }

    // DeactivateTenant

    @Test
    void anActiveTenantCanBeDeactivatedWithTheMemberStatusToApply() {
        fixture.given(plainAcme())
                .when(new DeactivateTenant(ID, 1L, MemberStatus.BANNED))
                .expectEvents(new TenantDeactivated(ID, MemberStatus.BANNED))
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void aDeactivationWithoutUserStatusIsRefusedWithKeyUserStatus() {
        fixture.given(plainAcme())
                .when(new DeactivateTenant(ID, null, null))
                .expectException(invalidFields("user_status"))
                .expectNoEvents();
    }

    @Test
    void cannotDeactivateADeactivatedTenant() {
        fixture.given(plainAcme(), deactivated())
                .when(new DeactivateTenant(ID, null, MemberStatus.ACTIVE))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void cannotDeactivateASuspendedTenant() {
        fixture.given(plainAcme(), suspended())
                .when(new DeactivateTenant(ID, null, MemberStatus.PASSIVE))
                .expectException(illegalTransitionFrom(TenantStatus.SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void cannotDeactivateADeletedTenant() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new DeactivateTenant(ID, null, MemberStatus.PASSIVE))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void aDeactivationWithAStaleVersionIsRefused() {
        fixture.given(plainAcme())
                .when(new DeactivateTenant(ID, 0L, MemberStatus.PASSIVE))
                .expectException(staleAgainst(1L))
                .expectNoEvents();
    }

    // ActivateTenant

    @Test
    void aDeactivatedTenantCanBeActivated() {
        fixture.given(plainAcme(), deactivated())
                .when(new ActivateTenant(ID, 2L))
                .expectEvents(new TenantActivated(ID))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void cannotActivateAnActiveTenant() {
        fixture.given(plainAcme())
                .when(new ActivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.ACTIVE))
                .expectExceptionMessage("cannot activate a tenant that is active")
                .expectNoEvents();
    }

    @Test
    void cannotActivateASuspendedTenant() {
        fixture.given(plainAcme(), suspended())
                .when(new ActivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void cannotActivateADeletedTenant() {
        fixture.given(plainAcme(), deactivated(), deletedFrom(TenantStatus.DEACTIVATED))
                .when(new ActivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void anActivationWithAStaleVersionIsRefused() {
        fixture.given(plainAcme(), deactivated())
                .when(new ActivateTenant(ID, 3L))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
    }

    // DeleteTenant

    @Test
    void deletingAnActiveTenantRecordsThatItWasActive() {
        fixture.given(plainAcme())
                .when(new DeleteTenant(ID, 1L))
                .expectEvents(deletedFrom(TenantStatus.ACTIVE))
                .expectResultMessagePayloadMatching(version(2L))
                .expectNotMarkedDeleted();
    }

    @Test
    void deletingASuspendedTenantRecordsThatItWasSuspended() {
        fixture.given(plainAcme(), suspended())
                .when(new DeleteTenant(ID, null))
                .expectEvents(deletedFrom(TenantStatus.SUSPENDED));
    }

    @Test
    void deletingADeactivatedTenantRecordsThatItWasDeactivated() {
        fixture.given(plainAcme(), deactivated())
                .when(new DeleteTenant(ID, null))
                .expectEvents(deletedFrom(TenantStatus.DEACTIVATED));
    }

    @Test
    void aSoftDeleteKeepsTheSlugAndDomainClaimed() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(new DeleteTenant(ID, null))
                .expectSuccessfulHandlerExecution();
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).contains(ID);
    }

    @Test
    void deletingADeletedTenantAgainChangesNothing() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new DeleteTenant(ID, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(version(2L))
                .expectNoEvents();
    }

    @Test
    void aDeleteWithAStaleVersionIsRefused() {
        fixture.given(plainAcme(), suspended())
                .when(new DeleteTenant(ID, 1L))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
    }

    // RestoreTenant

    @Test
    void aRestoredTenantGoesBackToActiveWhenItWasActive() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new RestoreTenant(ID, 2L))
                .expectEvents(new TenantRestored(ID, TenantStatus.ACTIVE))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void aRestoredTenantGoesBackToSuspendedWhenItWasSuspended() {
        fixture.given(plainAcme(), suspended(), deletedFrom(TenantStatus.SUSPENDED))
                .when(new RestoreTenant(ID, null))
                .expectEvents(new TenantRestored(ID, TenantStatus.SUSPENDED));
    }

    @Test
    void aRestoredTenantGoesBackToDeactivatedWhenItWasDeactivated() {
        fixture.given(plainAcme(), deactivated(), deletedFrom(TenantStatus.DEACTIVATED))
                .when(new RestoreTenant(ID, null))
                .expectEvents(new TenantRestored(ID, TenantStatus.DEACTIVATED));
    }

    @Test
    void aTenantRestoredToSuspendedCanBeReactivated() {
        fixture.given(plainAcme(), suspended(), deletedFrom(TenantStatus.SUSPENDED),
                        new TenantRestored(ID, TenantStatus.SUSPENDED))
                .when(new ReactivateTenant(ID, 4L))
                .expectEvents(new TenantReactivated(ID))
                .expectResultMessagePayloadMatching(version(5L));
    }

    @Test
    void aTenantRestoredToActiveCannotBeReactivated() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE), new TenantRestored(ID, TenantStatus.ACTIVE))
                .when(new ReactivateTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.ACTIVE))
                .expectNoEvents();
    }

    @Test
    void aRestoredTenantCanBeDeletedAgain() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE), new TenantRestored(ID, TenantStatus.ACTIVE))
                .when(new DeleteTenant(ID, 3L))
                .expectEvents(deletedFrom(TenantStatus.ACTIVE));
    }

    @Test
    void aRestoredTenantCanBeUpdatedAgain() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE), new TenantRestored(ID, TenantStatus.ACTIVE))
                .when(new UpdateTenant(ID, null, draft("Acme").timezone("Europe/Madrid").build()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(version(4L));
    }

    @Test
    void cannotRestoreAnActiveTenant() {
        fixture.given(plainAcme())
                .when(new RestoreTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.ACTIVE))
                .expectExceptionMessage("cannot restore a tenant that is active")
                .expectNoEvents();
    }

    @Test
    void cannotRestoreASuspendedTenant() {
        fixture.given(plainAcme(), suspended())
                .when(new RestoreTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void cannotRestoreADeactivatedTenant() {
        fixture.given(plainAcme(), deactivated())
                .when(new RestoreTenant(ID, null))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectExceptionMessage("cannot restore a tenant that is deactivated")
                .expectNoEvents();
    }

    @Test
    void aRestoreWithAStaleVersionIsRefused() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new RestoreTenant(ID, 1L))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
    }

    // PurgeTenant

    @Test
    void purgingAnActiveTenantDeletesItFirstThenPurgesIt() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new PurgeTenant(ID, 1L))
                .expectEvents(deletedFrom(TenantStatus.ACTIVE), new TenantPurged(ID))
                .expectResultMessagePayloadMatching(version(3L))
                .expectMarkedDeleted();
    }

    @Test
    void purgingASuspendedTenantRecordsThatItWasSuspended() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme(), suspended())
                .when(new PurgeTenant(ID, null))
                .expectEvents(deletedFrom(TenantStatus.SUSPENDED), new TenantPurged(ID));
    }

    @Test
    void purgingADeletedTenantOnlyPurgesIt() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new PurgeTenant(ID, 2L))
                .expectEvents(new TenantPurged(ID))
                .expectResultMessagePayloadMatching(version(3L))
                .expectMarkedDeleted();
    }

    @Test
    void purgingReleasesTheSlugAndTheDomain() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new PurgeTenant(ID, null))
                .expectSuccessfulHandlerExecution();
        assertThat(claims.holderOf(Kind.SLUG, "acme")).isEmpty();
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).isEmpty();
        assertThat(claims.isQuarantined(Kind.SLUG, "acme")).isTrue();
        assertThat(claims.isQuarantined(Kind.DOMAIN, "acme.example.com")).isTrue();
    }

    @Test
    void purgingReleasesTheCurrentSlugNotTheOriginalOne() {
        claimsOf(claims, plainAcme());
        claims.heldBy(Kind.SLUG, "rockets", ID);
        fixture.given(plainAcme(), new TenantSlugChanged(ID, "acme", "rockets"))
                .when(new PurgeTenant(ID, null))
                .expectSuccessfulHandlerExecution();
        assertThat(claims.holderOf(Kind.SLUG, "rockets")).isEmpty();
        assertThat(claims.isQuarantined(Kind.SLUG, "rockets")).isTrue();
    }

    @Test
    void aPurgedTenantsSlugStaysQuarantinedForOtherTenants() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new PurgeTenant(ID, null))
                .expectSuccessfulHandlerExecution();

        FixtureConfiguration<Tenant> other = new AggregateTestFixture<>(Tenant.class);
        other.registerInjectableResource(claims);
        other.registerInjectableResource(new InMemoryTenantNumbers());
        other.registerInjectableResource(new InMemoryDomainRechecks());
        other.givenNoPriorActivity()
                .when(new CreateTenant(OTHER_TENANT, draft("Acme").slug("acme").build()))
                .expectException(IdentifierTakenException.class)
                .expectNoEvents();
    }

    @Test
    void aPurgedTenantIsGoneForEveryFurtherCommand() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE), new TenantPurged(ID))
                .when(new RestoreTenant(ID, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void aPurgedTenantCannotBePurgedAgain() {
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE), new TenantPurged(ID))
                .when(new PurgeTenant(ID, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void aPurgeWithAStaleVersionIsRefusedAndReleasesNothing() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme(), deletedFrom(TenantStatus.ACTIVE))
                .when(new PurgeTenant(ID, 1L))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
    }
}
