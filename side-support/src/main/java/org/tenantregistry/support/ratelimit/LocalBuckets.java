package org.tenantregistry.support.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The buckets in this JVM's memory, for a side that runs as one instance. A bucket nobody drew on for a window is
 * full again, the same as a new one: it is dropped then, so that the callers of a long run do not pile up.
 */
final class LocalBuckets implements RateLimitBuckets {

    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(EndpointGroups.WINDOW)
            .build();

    LocalBuckets(TimeMeter time) {
        this.time = time;
    }

    @Override
    public ConsumptionProbe take(String key, Bandwidth bandwidth) {
        return buckets.get(key, unused -> Bucket.builder()
                        .addLimit(bandwidth)
                        .withCustomTimePrecision(time)
                        .build())
                .tryConsumeAndReturnRemaining(1);
    }
}
