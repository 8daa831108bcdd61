package org.tenantregistry.command.publishing;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per segment of the publisher's processor. A tenant's events are all in one segment (the processor's
 * sequencing policy goes by aggregate id), so the segment's thread and {@link PublicationRepair} never interleave one
 * tenant's events, while the segments publish side by side.
 */
@Component
class SegmentLocks {

    private final Map<Integer, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(int segmentId) {
        return locks.computeIfAbsent(segmentId, id -> new ReentrantLock());
    }
}
