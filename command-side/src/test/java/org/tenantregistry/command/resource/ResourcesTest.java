package org.tenantregistry.command.resource;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.command.domain.InMemoryDomainRechecks;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.PatchTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.Tenant;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.DidRegistered;
import org.tenantregistry.events.DidReleased;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.QueueRegistered;
import org.tenantregistry.events.RateRegistered;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.UserAdded;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of a tenant's resources: who may register, what must be unique, and the extension quota. */
class ResourcesTest {

    private static final UUID TENANT = UUID.fromString("3f2a9c10-7b4e-4d1a-9c2f-5e6d7a8b9c01");
    private static final UUID OTHER_TENANT = UUID.fromString("b1d2e3f4-0000-4000-8000-000000000002");
    private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID THIRD = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private final ClaimsInMemory claims = new ClaimsInMemory();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new ResourceQuotas(null, null, null, 1));
        fixture.registerInjectableResource(new InMemoryDomainRechecks());
    }

    private static TenantCreated createdWithMaxExtensions(int maxExtensions) {
        return new TenantCreated(TENANT, "Acme", "acme", null, "UTC", maxExtensions, Map.of(), Branding.NONE,
                Profile.NONE, null, null);
    }

    private static RegisterResource extension(UUID id, Object number) {
        return new RegisterResource(TENANT, id, ResourceKind.EXTENSIONS, Map.of("number", number, "name", "Desk"));
    }

    private static ExtensionRegistered extensionRegistered(UUID id, String number) {
        return new ExtensionRegistered(TENANT, id, number, "Desk");
    }

    private static RegisterResource register(ResourceKind kind, Map<String, Object> attributes) {
        return new RegisterResource(TENANT, FIRST, kind, attributes);
    }

    // who may register

    @Test
    void anActiveTenantRegistersAnExtensionAndAnswersItWithTheNewVersion() {
        fixture.given(createdWithMaxExtensions(10))
                .when(extension(FIRST, "100"))
                .expectEvents(extensionRegistered(FIRST, "100"))
                .expectResultMessagePayload(new RegisteredResource(FIRST, ResourceKind.EXTENSIONS,
                        Map.of("number", "100", "name", "Desk"), 2L));
    }

    @Test
    void aSuspendedTenantRegistersNothing() {
        fixture.given(createdWithMaxExtensions(10), new TenantSuspended(TENANT, "unpaid"))
                .when(extension(FIRST, "100"))
                .expectException(matching(IllegalTransitionException.class, "from suspended",
                        e -> e.current() == TenantStatus.SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedOrDeletedTenantRegistersNothing() {
        fixture.given(createdWithMaxExtensions(10), new TenantDeactivated(TENANT, MemberStatus.PASSIVE))
                .when(register(ResourceKind.USERS, Map.of("email", "jane@example.com")))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(createdWithMaxExtensions(10), new TenantDeleted(TENANT, TenantStatus.ACTIVE))
                .when(extension(FIRST, "100"))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aReactivatedTenantRegistersAgain() {
        fixture.given(createdWithMaxExtensions(10), new TenantSuspended(TENANT, "unpaid"),
                        new TenantReactivated(TENANT))
                .when(extension(FIRST, "100"))
                .expectEvents(extensionRegistered(FIRST, "100"));
    }

    // uniqueness within the tenant

    @Test
    void anExtensionNumberIsUniqueWithinTheTenant() {
        fixture.given(createdWithMaxExtensions(10), extensionRegistered(FIRST, "100"))
                .when(extension(SECOND, "100"))
                .expectException(matching(DuplicateResourceException.class, "about number",
                        e -> e.field().equals("number")))
                .expectNoEvents();
    }

    @Test
    void aReleasedExtensionNumberCanBeRegisteredAgain() {
        fixture.given(createdWithMaxExtensions(10), extensionRegistered(FIRST, "100"),
                        new ExtensionReleased(TENANT, FIRST))
                .when(extension(SECOND, 100))
                .expectEvents(extensionRegistered(SECOND, "100"));
    }

    @Test
    void aQueueNameIsUniqueWithinTheTenantWhateverItsCase() {
        fixture.given(createdWithMaxExtensions(10), new QueueRegistered(TENANT, FIRST, "Support", "ringall"))
                .when(new RegisterResource(TENANT, SECOND, ResourceKind.QUEUES, Map.of("name", "SUPPORT")))
                .expectException(DuplicateResourceException.class)
                .expectNoEvents();
    }

    // the extension quota

    @Test
    void registeringPastMaxExtensionsIsRefusedWithTheLimitAndTheUsage() {
        fixture.given(createdWithMaxExtensions(2), extensionRegistered(FIRST, "100"),
                        extensionRegistered(SECOND, "101"))
                .when(extension(THIRD, "102"))
                .expectException(matching(QuotaExceededException.class, "limit 2, usage 2",
                        e -> e.kind() == ResourceKind.EXTENSIONS && e.limit() == 2 && e.usage() == 2))
                .expectNoEvents();
    }

    @Test
    void theQuotaCountsExtensionsOnlyAndReleasedOnesNoMore() {
        fixture.given(createdWithMaxExtensions(1), extensionRegistered(FIRST, "100"),
                        new ExtensionReleased(TENANT, FIRST),
                        new QueueRegistered(TENANT, SECOND, "Support", "ringall"))
                .when(extension(THIRD, "100"))
                .expectEvents(extensionRegistered(THIRD, "100"));
    }

    @Test
    void raisingMaxExtensionsMakesRoomAgain() {
        fixture.given(createdWithMaxExtensions(1), extensionRegistered(FIRST, "100"),
                        new TenantMaxExtensionsChanged(TENANT, 1, 2))
                .when(extension(SECOND, "101"))
                .expectEvents(extensionRegistered(SECOND, "101"));
    }

    @Test
    void raisingMaxExtensionsIsAlwaysAllowed() {
        fixture.given(createdWithMaxExtensions(1), extensionRegistered(FIRST, "100"))
                .when(new PatchTenant(TENANT, null, Map.of("max_extensions", 5)))
                .expectEvents(new TenantMaxExtensionsChanged(TENANT, 1, 5));
    }

    @Test
    void loweringMaxExtensionsBelowTheUsageIsRefusedAndChangesNothing() {
        fixture.given(createdWithMaxExtensions(5), extensionRegistered(FIRST, "100"),
                        extensionRegistered(SECOND, "101"))
                .when(new PatchTenant(TENANT, null, Map.of("max_extensions", 1, "name", "Acme GmbH")))
                .expectException(matching(QuotaExceededException.class, "limit 1, usage 2",
                        e -> e.limit() == 1 && e.usage() == 2))
                .expectNoEvents();
    }

    @Test
    void loweringMaxExtensionsDownToTheUsageIsAllowed() {
        fixture.given(createdWithMaxExtensions(5), extensionRegistered(FIRST, "100"),
                        extensionRegistered(SECOND, "101"))
                .when(new PatchTenant(TENANT, null, Map.of("max_extensions", 2)))
                .expectEvents(new TenantMaxExtensionsChanged(TENANT, 5, 2));
    }

    @Test
    void aConfiguredQuotaCapsItsKindLikeMaxExtensions() {
        fixture.given(createdWithMaxExtensions(10),
                        new UserAdded(TENANT, FIRST, "jane@example.com", MemberStatus.ACTIVE))
                .when(new RegisterResource(TENANT, SECOND, ResourceKind.USERS, Map.of("email", "joe@example.com")))
                .expectException(matching(QuotaExceededException.class, "limit 1, usage 1",
                        e -> e.kind() == ResourceKind.USERS && e.limit() == 1 && e.usage() == 1))
                .expectNoEvents();
    }

    @Test
    void aKindWithoutAConfiguredQuotaIsUnlimited() {
        fixture.given(createdWithMaxExtensions(1), new QueueRegistered(TENANT, FIRST, "Support", "ringall"))
                .when(new RegisterResource(TENANT, SECOND, ResourceKind.QUEUES, Map.of("name", "Sales")))
                .expectEvents(new QueueRegistered(TENANT, SECOND, "Sales", "ringall"));
    }

    // DIDs across the platform

    @Test
    void aDidIsClaimedAcrossThePlatformWhenItIsRegistered() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.DIDS, Map.of("number", "+4930123456")))
                .expectEvents(new DidRegistered(TENANT, FIRST, "+4930123456"));
        assertThat(claims.holderOf(Kind.DID, "+4930123456")).contains(TENANT);
    }

    @Test
    void aDidAnotherTenantHoldsIsRefused() {
        claims.heldBy(Kind.DID, "+4930123456", OTHER_TENANT);
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.DIDS, Map.of("number", "+4930123456")))
                .expectException(IdentifierTakenException.class)
                .expectNoEvents();
    }

    @Test
    void releasingADidReleasesItsClaim() {
        claims.heldBy(Kind.DID, "+4930123456", TENANT);
        fixture.given(createdWithMaxExtensions(10), new DidRegistered(TENANT, FIRST, "+4930123456"))
                .when(new ReleaseResource(TENANT, ResourceKind.DIDS, FIRST))
                .expectEvents(new DidReleased(TENANT, FIRST))
                .expectResultMessagePayload(3L);
        assertThat(claims.holderOf(Kind.DID, "+4930123456")).isEmpty();
    }

    @Test
    void purgingATenantReleasesItsDids() {
        claims.heldBy(Kind.DID, "+4930123456", TENANT).heldBy(Kind.SLUG, "acme", TENANT);
        fixture.given(createdWithMaxExtensions(10), new DidRegistered(TENANT, FIRST, "+4930123456"),
                        new TenantDeleted(TENANT, TenantStatus.ACTIVE))
                .when(new PurgeTenant(TENANT, null))
                .expectEvents(new TenantPurged(TENANT));
        assertThat(claims.holderOf(Kind.DID, "+4930123456")).isEmpty();
    }

    // releases

    @Test
    void releasingAnUnknownResourceIsNotFound() {
        fixture.given(createdWithMaxExtensions(10), extensionRegistered(FIRST, "100"))
                .when(new ReleaseResource(TENANT, ResourceKind.EXTENSIONS, SECOND))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void releasingAResourceAsAnotherKindIsNotFound() {
        fixture.given(createdWithMaxExtensions(10), extensionRegistered(FIRST, "100"))
                .when(new ReleaseResource(TENANT, ResourceKind.QUEUES, FIRST))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aSuspendedTenantMayStillReleaseItsResources() {
        fixture.given(createdWithMaxExtensions(10), extensionRegistered(FIRST, "100"),
                        new TenantSuspended(TENANT, "unpaid"))
                .when(new ReleaseResource(TENANT, ResourceKind.EXTENSIONS, FIRST))
                .expectEvents(new ExtensionReleased(TENANT, FIRST));
    }

    // attributes

    @Test
    void everyInvalidAttributeIsReportedAtOnce() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.EXTENSIONS, Map.of("number", "12a", "name", " ", "colour", "red")))
                .expectException(invalidAttributes("number", "name", "colour"))
                .expectNoEvents();
    }

    @Test
    void eachKindRequiresItsAttributes() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.EXTENSIONS, Map.of()))
                .expectException(invalidAttributes("number"));
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.DIDS, Map.of("number", "030123456")))
                .expectException(invalidAttributes("number"));
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.QUEUES, Map.of("strategy", "loudest")))
                .expectException(invalidAttributes("name", "strategy"));
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.RATES, Map.of("prefix", "+49", "price", -1, "currency", "EURO")))
                .expectException(invalidAttributes("prefix", "price", "currency"));
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.USERS, Map.of("email", "jane", "status", 3)))
                .expectException(invalidAttributes("email", "status"));
    }

    @Test
    void anExtensionNumberIsAtMostTenDigits() {
        fixture.given(createdWithMaxExtensions(10))
                .when(extension(FIRST, "12345678901"))
                .expectException(invalidAttributes("number"));
    }

    @Test
    void aQueueRingsAllUnlessItNamesAStrategy() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.QUEUES, Map.of("name", "Support")))
                .expectEvents(new QueueRegistered(TENANT, FIRST, "Support", "ringall"));
    }

    @Test
    void aRateIsStoredAsAnExactDecimalInItsUpperCaseCurrency() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.RATES, Map.of("prefix", "4930", "price", "0.01250", "currency", "eur")))
                .expectEvents(new RateRegistered(TENANT, FIRST, "4930", new BigDecimal("0.0125"), "EUR"));
    }

    @Test
    void aMemberIsActiveUnlessTheRequestSaysOtherwiseAndItsEmailIsLowerCased() {
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.USERS, Map.of("email", "Jane@Example.com")))
                .expectEvents(new UserAdded(TENANT, FIRST, "jane@example.com", MemberStatus.ACTIVE));
        fixture.given(createdWithMaxExtensions(10))
                .when(register(ResourceKind.USERS, Map.of("email", "joe@example.com", "status", 2)))
                .expectEvents(new UserAdded(TENANT, FIRST, "joe@example.com", MemberStatus.BANNED));
    }

    private static Matcher<InvalidTenantException> invalidAttributes(String... names) {
        return matching(InvalidTenantException.class, "errors about " + Set.of(names),
                e -> e.errors().keySet().equals(Set.of(names)));
    }

    private static <T extends Throwable> Matcher<T> matching(Class<T> type, String what, Predicate<T> test) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T e, Description mismatch) {
                mismatch.appendText("was ").appendValue(e);
                return test.test(e);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " " + what);
            }
        };
    }
}
