package org.tenantregistry.query.projection;

import java.util.List;

/** A projection name that none of this version's projections has. */
public class ProjectionNotFoundException extends RuntimeException {

    public ProjectionNotFoundException(String name, List<String> known) {
        super("no projection " + name + "; there are " + String.join(", ", known));
    }
}
