package org.tenantregistry.query.erasure;

import org.junit.jupiter.api.Test;
import org.tenantregistry.query.support.CommandSideKeys;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key client against a real HTTP server on the loopback that plays the command side's token and key endpoints. */
class CommandSideEventKeysTest {

    private static final CommandSideKeys COMMAND_SIDE = CommandSideKeys.INSTANCE;

    private final EventKeys keys = new EventKeysConfig().eventKeys(properties(COMMAND_SIDE.uri(),
            CommandSideKeys.CLIENT_SECRET));

    @Test
    void aTenantsKeyComesWithATokenAndIsKept() {
        UUID tenantId = UUID.randomUUID();
        byte[] key = COMMAND_SIDE.keyFor(tenantId);

        assertThat(keys.keyOf(tenantId)).contains(key);
        assertThat(keys.keyOf(tenantId)).contains(key);
        assertThat(COMMAND_SIDE.keyRequestsFor(tenantId)).isEqualTo(1);
        assertThat(keys.failure()).isEmpty();
    }

    @Test
    void aPurgedTenantHasNoKeyAndThatIsKeptToo() {
        UUID tenantId = UUID.randomUUID();
        COMMAND_SIDE.keyFor(tenantId);
        COMMAND_SIDE.purge(tenantId);

        assertThat(keys.keyOf(tenantId)).isEmpty();
        assertThat(keys.keyOf(tenantId)).isEmpty();
        assertThat(COMMAND_SIDE.keyRequestsFor(tenantId)).isEqualTo(1);
    }

    @Test
    void theKeysOfABatchOfTenantsComeInOneRequestAndAreKept() {
        List<UUID> tenants = IntStream.range(0, 150).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, byte[]> given = new HashMap<>();
        tenants.subList(0, 140).forEach(tenantId -> given.put(tenantId, COMMAND_SIDE.keyFor(tenantId)));
        UUID purged = tenants.get(140);
        COMMAND_SIDE.keyFor(purged);
        COMMAND_SIDE.purge(purged);
        UUID unknown = tenants.get(141);
        int before = COMMAND_SIDE.keyRequests();
        // a cache that holds the whole batch (this class's other client keeps 100)
        EventKeys keys = new EventKeysConfig().eventKeys(properties(COMMAND_SIDE.uri(), CommandSideKeys.CLIENT_SECRET,
                1_000));

        keys.fetch(tenants);

        assertThat(COMMAND_SIDE.keyRequests() - before).as("requests for 150 tenants, 100 a request").isEqualTo(2);
        given.forEach((tenantId, key) -> assertThat(keys.keyOf(tenantId)).contains(key));
        assertThat(keys.keyOf(purged)).isEmpty();
        assertThat(COMMAND_SIDE.keyRequests() - before).as("nothing asked again").isEqualTo(2);
        assertThatThrownBy(() -> keys.keyOf(unknown)).isInstanceOf(EventKeyNotFoundException.class);
    }

    @Test
    void aTenantTheCommandSideDoesNotKnowIsMalformed() {
        UUID tenantId = UUID.randomUUID();

        assertThatThrownBy(() -> keys.keyOf(tenantId)).isInstanceOf(EventKeyNotFoundException.class)
                .hasMessageContaining(tenantId.toString());
    }

    @Test
    void aFailingCommandSideIsAFailureForNowThatIsNotKept() {
        UUID tenantId = UUID.randomUUID();
        byte[] key = COMMAND_SIDE.keyFor(tenantId);
        COMMAND_SIDE.failWith(503);
        try {
            assertThatThrownBy(() -> keys.keyOf(tenantId)).isInstanceOf(EventKeyUnavailableException.class)
                    .hasMessageContaining("503");
            assertThat(keys.failure()).get().asString().contains("503");
        } finally {
            COMMAND_SIDE.failWith(0);
        }

        assertThat(keys.keyOf(tenantId)).contains(key);
        assertThat(COMMAND_SIDE.keyRequestsFor(tenantId)).isEqualTo(2);
        assertThat(keys.failure()).isEmpty();
    }

    @Test
    void anUnreachableCommandSideIsAFailureForNow() {
        UUID tenantId = UUID.randomUUID();
        byte[] key = COMMAND_SIDE.keyFor(tenantId);
        COMMAND_SIDE.stop();
        try {
            assertThatThrownBy(() -> keys.keyOf(tenantId)).isInstanceOf(EventKeyUnavailableException.class);
        } finally {
            COMMAND_SIDE.start();
        }

        assertThat(keys.keyOf(tenantId)).contains(key);
    }

    @Test
    void aRefusedClientSecretIsAFailureForNow() {
        EventKeys wrongSecret = new EventKeysConfig().eventKeys(properties(COMMAND_SIDE.uri(), "not-the-secret"));
        UUID tenantId = UUID.randomUUID();
        COMMAND_SIDE.keyFor(tenantId);

        assertThatThrownBy(() -> wrongSecret.keyOf(tenantId)).isInstanceOf(EventKeyUnavailableException.class);
        assertThat(COMMAND_SIDE.keyRequestsFor(tenantId)).isZero();
    }

    @Test
    void withoutTheCommandSidesAddressASealedEventWaitsAndSaysWhichSettingIsMissing() {
        EventKeys unconfigured = new EventKeysConfig().eventKeys(properties(null, null));

        assertThat(unconfigured.failure()).isEmpty();
        assertThatThrownBy(() -> unconfigured.keyOf(UUID.randomUUID()))
                .isInstanceOf(EventKeyUnavailableException.class)
                .hasMessageContaining("tenant-registry.event-keys.uri");
        assertThat(unconfigured.failure()).get().asString().contains("tenant-registry.event-keys.uri");
    }

    @Test
    void theAddressWithoutTheSecretStopsTheStart() {
        assertThatThrownBy(() -> new EventKeysConfig().eventKeys(properties(COMMAND_SIDE.uri(), " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant-registry.event-keys.client-secret");
    }

    private static EventKeysProperties properties(String uri, String secret) {
        return properties(uri, secret, 100);
    }

    private static EventKeysProperties properties(String uri, String secret, long cacheSize) {
        return new EventKeysProperties(uri == null ? null : URI.create(uri), null, CommandSideKeys.CLIENT_ID, secret,
                Set.of("tenants:read"), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), cacheSize);
    }
}
