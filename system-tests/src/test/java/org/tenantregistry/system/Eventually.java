package org.tenantregistry.system;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A read right after a write, as the seeds' clients make it (without {@code min_version}): the read models follow
 * the event store within moments, so the read is repeated until its assertions hold.
 */
final class Eventually {

    private Eventually() {
    }

    /** The first result of {@code read} that threw no assertion error. */
    static <T> T of(Callable<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> result.set(read.call()));
        return result.get();
    }
}
