package org.tenantregistry.query.projection;

/** A replayed dead letter failed again; it stays, with one more attempt and the new error. */
public class DeadLetterReplayFailedException extends RuntimeException {

    private final transient DeadLetter deadLetter;

    public DeadLetterReplayFailedException(DeadLetter deadLetter) {
        super("dead letter " + deadLetter.id() + " failed again: " + deadLetter.errorMessage());
        this.deadLetter = deadLetter;
    }

    /** As it is now stored. */
    public DeadLetter deadLetter() {
        return deadLetter;
    }
}
