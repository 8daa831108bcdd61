package org.tenantregistry.query.projection;

import java.time.Duration;

/**
 * How long a read waits for a projection to catch up, and how many reads may wait at once.
 *
 * @param pollInterval the longest time between two looks at the tracking table; a local commit wakes waiters at once,
 *                     the poll covers commits made by another instance of the query side
 * @param maxWaiters   waiting reads hold no thread but memory and a connection each; past this many the answer is
 *                     503 at once
 */
public record WaitBound(Duration maxWait, Duration pollInterval, int maxWaiters) {
}
