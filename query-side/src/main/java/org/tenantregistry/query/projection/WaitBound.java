package org.tenantregistry.query.projection;

import java.time.Duration;

/**
 * How long a read waits for a projection to catch up.
 *
 * @param pollInterval the longest nap between two looks at the tracking table; a local commit wakes waiters earlier,
 *                     the poll covers commits made by another instance of the query side
 */
public record WaitBound(Duration maxWait, Duration pollInterval) {
}
