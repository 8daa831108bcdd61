package org.tenantregistry.command.publishing;

/** A republish was asked for while one runs: one job at a time. */
public class RepublishRunningException extends RuntimeException {

    private final transient RepublishStatus running;

    RepublishRunningException(RepublishStatus running) {
        super("a republish job is running (" + running.done() + " of " + running.total() + " events done); one at a "
                + "time");
        this.running = running;
    }

    public RepublishStatus running() {
        return running;
    }
}
