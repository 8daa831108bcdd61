package org.tenantregistry.query.projection;

/** A skipped dead letter stays skipped: its tenant has moved on without it. */
public class DeadLetterNotOpenException extends RuntimeException {

    public DeadLetterNotOpenException(DeadLetter deadLetter) {
        super("dead letter " + deadLetter.id() + " was skipped at " + deadLetter.skip().at() + " by "
                + deadLetter.skip().by() + ": " + deadLetter.skip().reason());
    }
}
