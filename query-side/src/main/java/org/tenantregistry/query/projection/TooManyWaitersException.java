package org.tenantregistry.query.projection;

/** Every place for a read waiting on min_version is taken: the read is refused at once rather than queued. */
public class TooManyWaitersException extends RuntimeException {

    public TooManyWaitersException(int maxWaiters) {
        super(maxWaiters + " reads already wait for a projection to catch up");
    }
}
