package org.tenantregistry.query.projection;

/** A rebuild was asked for while one runs: one at a time. */
public class RebuildRunningException extends RuntimeException {

    private final transient RebuildStatus running;

    RebuildRunningException(RebuildStatus running) {
        super(running == null ? "a rebuild is running" : "the rebuild of projection " + running.projection()
                + " is running; one at a time");
        this.running = running;
    }

    /** The one that runs; null when it ended just now. */
    public RebuildStatus running() {
        return running;
    }
}
