package org.tenantregistry.query.projection;

/** A projection that had no rebuild since this instance started. */
public class RebuildNotFoundException extends RuntimeException {

    public RebuildNotFoundException(String projection) {
        super("projection " + projection + " had no rebuild since this instance started");
    }
}
