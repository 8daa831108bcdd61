package org.tenantregistry.launcher;

/**
 * A start that cannot go on, told as the person at the terminal needs it: what happened and what to do.
 */
public class LaunchFailedException extends RuntimeException {

    private final String action;

    public LaunchFailedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
