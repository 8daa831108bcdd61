package org.tenantregistry.command.resource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a tenant owns, named as in the paths {@code /api/tenants/{id}/{kind}}. */
public enum ResourceKind {
    EXTENSIONS("Extension"),
    DIDS("DID"),
    QUEUES("Queue"),
    RATES("Rate"),
    USERS("User");

    private final String singular;

    ResourceKind(String singular) {
        this.singular = singular;
    }

    /** The name in paths and problem details: {@code extensions}, {@code dids}, … */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For messages such as "Extension registered successfully.". */
    public String singular() {
        return singular;
    }

    public static Optional<ResourceKind> ofPath(String pathName) {
        return Arrays.stream(values()).filter(kind -> kind.pathName().equals(pathName)).findFirst();
    }
}
