package org.tenantregistry.query.resource;

import java.util.List;

/** The kinds of resources, named as in the paths and as the columns of {@code tenant_resource_count}. */
public final class ResourceKinds {

    public static final String EXTENSIONS = "extensions";
    public static final String DIDS = "dids";
    public static final String QUEUES = "queues";
    public static final String RATES = "rates";
    public static final String USERS = "users";

    public static final List<String> ALL = List.of(EXTENSIONS, DIDS, QUEUES, RATES, USERS);

    private ResourceKinds() {
    }
}
