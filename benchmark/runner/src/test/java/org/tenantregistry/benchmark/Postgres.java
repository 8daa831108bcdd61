package org.tenantregistry.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The stack's PostgreSQL, as its superuser over loopback (the launcher's PostgreSQL has no password). */
record Postgres(int port) {

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** A new, empty database of this name (dropped first if an earlier run left it). */
    String freshDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String setting(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
