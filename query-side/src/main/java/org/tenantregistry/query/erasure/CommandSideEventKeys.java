package org.tenantregistry.query.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventKey;
import org.tenantregistry.events.TenantEventKeys;

import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The command side's key endpoints, {@code GET /api/event-keys/{tenant_id}} and, for many tenants at once,
 * {@code GET /api/event-keys?tenant_id=…}: 200 with the key, 410 Gone (or {@code shredded}) once the tenant is purged
 * (for ever), 404 (or {@code unknown}) for a tenant it never had. Answers are kept a few minutes ({@code cache-ttl}),
 * the 410 too, so that a stream of one tenant's events costs one call, and a rebuild one call per batch of records
 * ({@link #fetch}). Anything else (no answer in time, a refused token, a 5xx, an answer that is not a usable key) is
 * {@link EventKeyUnavailableException}, and the event is retried; such a failure is not kept, the next attempt asks
 * again.
 */
class CommandSideEventKeys implements EventKeys {

    private static final Logger log = LoggerFactory.getLogger(CommandSideEventKeys.class);

    private final RestClient client;
    private final Cache<UUID, Optional<byte[]>> answers;
    /**
     * The last failure while no request succeeded since: the health endpoint shows it, and an outage is logged when
     * it starts and when it ends, not at every retry of every projection.
     */
    private final AtomicReference<String> failing = new AtomicReference<>();

    /** @param client with the command side as its base URL and a bearer token on every request */
    CommandSideEventKeys(RestClient client, EventKeysProperties properties) {
        this.client = client;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .build();
    }

    @Override
    public Optional<byte[]> keyOf(UUID tenantId) {
        return answers.get(tenantId, this::ask);
    }

    /**
     * The keys not at hand yet, {@link TenantEventKeys#MAX_TENANTS} tenants a request: a rebuild asks once per batch
     * of records rather than once per tenant. A command side without that endpoint (404) leaves them to {@link #keyOf}.
     * One fetch at a time: the projections read the same records side by side, and those that come second find the
     * keys the first one asked for instead of asking again.
     */
    @Override
    public synchronized void fetch(Collection<UUID> tenantIds) {
        List<UUID> missing = tenantIds.stream().distinct().filter(id -> answers.getIfPresent(id) == null).toList();
        for (int from = 0; from < missing.size(); from += TenantEventKeys.MAX_TENANTS) {
            List<UUID> asked = missing.subList(from, Math.min(missing.size(), from + TenantEventKeys.MAX_TENANTS));
            askAll(asked).ifPresent(answer -> {
                answer.keys().stream().filter(key -> asked.contains(key.tenantId()))
                        .forEach(key -> answers.put(key.tenantId(), Optional.of(keyIn(key, key.tenantId()))));
                answer.shredded().stream().filter(asked::contains)
                        .forEach(tenantId -> answers.put(tenantId, Optional.empty()));
            });
        }
    }

    private Optional<TenantEventKeys> askAll(List<UUID> tenantIds) {
        String names = tenantIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        Optional<TenantEventKeys> answer;
        try {
            answer = client.get()
                    .uri(uri -> uri.path("/api/event-keys").queryParam("tenant_id", names).build())
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == HttpStatus.NOT_FOUND.value()) {
                            return Optional.<TenantEventKeys>empty();
                        }
                        if (!status.is2xxSuccessful()) {
                            throw new EventKeyUnavailableException("the command side answered " + status.value()
                                    + " for the keys of " + tenantIds.size() + " tenants", null);
                        }
                        TenantEventKeys keys = response.bodyTo(TenantEventKeys.class);
                        if (keys == null) {
                            throw new EventKeyUnavailableException("the command side's answer for the keys of "
                                    + tenantIds.size() + " tenants is empty", null);
                        }
                        return Optional.of(keys);
                    });
        } catch (EventKeyUnavailableException e) {
            throw unavailable(e);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            throw unavailable(new EventKeyUnavailableException("the keys of " + tenantIds.size()
                    + " tenants cannot be had from the command side: " + e.getMessage(), e));
        }
        if (failing.getAndSet(null) != null) {
            log.info("The command side answers key requests again");
        }
        return answer;
    }

    private Optional<byte[]> ask(UUID tenantId) {
        Optional<byte[]> key;
        try {
            key = client.get()
                    .uri("/api/event-keys/{tenantId}", tenantId)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == HttpStatus.GONE.value()) {
                            return Optional.<byte[]>empty();
                        }
                        if (status.value() == HttpStatus.NOT_FOUND.value()) {
                            throw new EventKeyNotFoundException(tenantId);
                        }
                        if (!status.is2xxSuccessful()) {
                            throw new EventKeyUnavailableException("the command side answered " + status.value()
                                    + " for the key of tenant " + tenantId, null);
                        }
                        return Optional.of(keyIn(response.bodyTo(TenantEventKey.class), tenantId));
                    });
        } catch (EventKeyUnavailableException e) {
            throw unavailable(e);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            // Unreachable, too slow, or no token to be had from the token endpoint.
            throw unavailable(new EventKeyUnavailableException("the key of tenant " + tenantId
                    + " cannot be had from the command side: " + e.getMessage(), e));
        }
        if (failing.getAndSet(null) != null) {
            log.info("The command side answers key requests again");
        }
        return key;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failing.get());
    }

    private static byte[] keyIn(TenantEventKey answer, UUID tenantId) {
        if (answer == null || !tenantId.equals(answer.tenantId()) || !SealedFields.ALGORITHM.equals(answer.algorithm())
                || answer.key() == null) {
            throw new EventKeyUnavailableException("the command side's answer for tenant " + tenantId
                    + " is no " + SealedFields.ALGORITHM + " key of that tenant", null);
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(answer.key());
        } catch (IllegalArgumentException e) {
            throw new EventKeyUnavailableException("the command side's key for tenant " + tenantId
                    + " is not base64url", e);
        }
        if (key.length != SealedFields.KEY_BYTES) {
            throw new EventKeyUnavailableException("the command side's key for tenant " + tenantId + " has "
                    + key.length + " bytes, not " + SealedFields.KEY_BYTES, null);
        }
        return key;
    }

    private EventKeyUnavailableException unavailable(EventKeyUnavailableException failure) {
        if (failing.getAndSet(failure.getMessage()) == null) {
            log.warn("Events with sealed fields wait, retried, until the command side gives their keys: {}",
                    failure.getMessage());
        } else {
            log.debug("Still no key: {}", failure.getMessage());
        }
        return failure;
    }
}
