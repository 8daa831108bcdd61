package org.tenantregistry.support.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job's one thread: runs a task again and again, a fixed delay after each run ends, on a daemon thread
 * of its own name (so that it shows in a thread dump and never keeps the JVM alive). A task that throws is not run
 * again, so tasks catch what they can carry on after.
 */
public final class FixedDelaySchedule {

    private final String threadName;
    private ScheduledExecutorService executor;

    public FixedDelaySchedule(String threadName) {
        this.threadName = threadName;
    }

    public synchronized void start(Runnable task, Duration initialDelay, Duration delay) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts a run in progress; the task is not run again until the next start. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }
}
