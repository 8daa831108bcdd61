package org.tenantregistry.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes a chain checkpoint every {@code checkpoint-interval}. Every instance of the side does: two checkpoints of the
 * same heads are stored once (see {@link ChainCheckpoints#take}), and one more checkpoint is harmless.
 */
@Component
class CheckpointJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

    private final ChainCheckpoints checkpoints;
    private final AuditProperties properties;
    private ScheduledExecutorService schedule;

    CheckpointJob(ChainCheckpoints checkpoints, AuditProperties properties) {
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    private void takeAndCarryOn() {
        try {
            checkpoints.take();
        } catch (RuntimeException e) {
            log.warn("Taking a chain checkpoint failed, next try in {}: {}", properties.checkpointInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        long interval = properties.checkpointInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chain-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::takeAndCarryOn, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
