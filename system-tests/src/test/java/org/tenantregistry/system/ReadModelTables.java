package org.tenantregistry.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a query side's database holds, table by table, as a row count and a digest of the sorted rows: two databases
 * with equal snapshots hold the same read models. Every table counts (a table added later too) except Flyway's
 * history; left out are only the columns that say when a row was written rather than what it says (a default of
 * {@code now()}) and generated keys, which differ between two databases that hold the same data.
 */
final class ReadModelTables {

    private static final String COLUMNS = """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN (
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history')
              AND is_identity = 'NO'
              AND (column_default IS NULL OR (column_default NOT ILIKE '%now()%'
                   AND column_default NOT ILIKE '%current_timestamp%' AND column_default NOT ILIKE 'nextval(%'))
            ORDER BY table_name, ordinal_position""";

    private ReadModelTables() {
    }

    /** Table name to {@code rows=<n> md5=<digest>}, in table-name order. */
    static Map<String, String> snapshot(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null)) {
            Map<String, List<String>> columnsByTable = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(COLUMNS); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columnsByTable.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                            .add('"' + rows.getString(2) + '"');
                }
            }
            Map<String, String> snapshot = new TreeMap<>();
            for (var table : columnsByTable.entrySet()) {
                String digest = "SELECT count(*), coalesce(md5(string_agg(line, E'\\n' ORDER BY line)), '') FROM "
                        + "(SELECT ROW(" + String.join(", ", table.getValue()) + ")::text AS line FROM \""
                        + table.getKey() + "\") AS lines";
                try (PreparedStatement query = connection.prepareStatement(digest);
                     ResultSet rows = query.executeQuery()) {
                    rows.next();
                    snapshot.put(table.getKey(), "rows=" + rows.getLong(1) + " md5=" + rows.getString(2));
                }
            }
            return snapshot;
        }
    }
}
