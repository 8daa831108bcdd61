package org.tenantregistry.launcher.side;

/**
 * The two applications of the registry, as the launcher finds them in the repository.
 */
public enum Side {

    COMMAND("command-side", "org.tenantregistry.command.CommandSideApplication", "tenant_command"),
    QUERY("query-side", "org.tenantregistry.query.QueryApplication", "tenant_query");

    private final String module;
    private final String mainClass;
    private final String database;

    Side(String module, String mainClass, String database) {
        this.module = module;
        this.mainClass = mainClass;
        this.database = database;
    }

    /** The module's folder in the repository, and the side's name in messages and log files. */
    public String module() {
        return module;
    }

    String mainClass() {
        return mainClass;
    }

    /** The side's database in the launcher's PostgreSQL. */
    public String database() {
        return database;
    }
}
