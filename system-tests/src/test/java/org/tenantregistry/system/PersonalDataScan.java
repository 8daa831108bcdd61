package org.tenantregistry.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where in a database a text still is: every table of the public schema, every row read as text and every binary
 * column read as UTF-8 (Axon's payloads, stored envelopes), so that no table added later escapes the search.
 */
final class PersonalDataScan {

    private static final String COLUMNS = """
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position""";

    private PersonalDataScan() {
    }

    /** Table name to how many of its rows hold one of the texts; tables where none does are left out. */
    static Map<String, Long> rowsHolding(String jdbcUrl, String user, List<String> texts) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null)) {
            Map<String, List<String>> binaryColumns = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(COLUMNS); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<String> columns = binaryColumns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>());
                    if ("bytea".equals(rows.getString(3))) {
                        columns.add('"' + rows.getString(2) + '"');
                    }
                }
            }
            Map<String, Long> found = new LinkedHashMap<>();
            for (var table : binaryColumns.entrySet()) {
                List<String> conditions = new ArrayList<>();
                for (String text : texts) {
                    conditions.add("row.*::text ILIKE '%' || " + literal(text) + " || '%'");
                    for (String column : table.getValue()) {
                        conditions.add("position(convert_to(" + literal(text) + ", 'UTF8') IN row." + column + ") > 0");
                    }
                }
                String count = "SELECT count(*) FROM \"" + table.getKey() + "\" AS row WHERE "
                        + String.join(" OR ", conditions);
                try (PreparedStatement query = connection.prepareStatement(count); ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        found.put(table.getKey(), rows.getLong(1));
                    }
                }
            }
            return found;
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
