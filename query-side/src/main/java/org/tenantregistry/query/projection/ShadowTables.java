package org.tenantregistry.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rebuild's fresh tables: a schema of their own ({@code rebuild_<projection>}) with a copy of the structure of each
 * table the projection writes, and of the tracking, parking and dead-letter tables, made with
 * {@code LIKE ... INCLUDING ALL} (columns, defaults, generated columns, constraints, indexes). The projection's own
 * code writes them unchanged: a transaction that has set its search path to the shadow schema alone finds the shadows
 * under the tables' usual names, and any table that has no shadow is not found at all (so a rebuild can fail, but
 * never write the live model). The swap copies the shadows into the live tables in one transaction.
 */
@Repository
class ShadowTables {

    /** Shared by every projection; a shadow holds only the rebuilt projection's rows. */
    static final List<String> BOOKKEEPING = List.of("projection_tracking", "projection_parked_event",
            "projection_dead_letter");

    private final JdbcClient jdbc;

    ShadowTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schema a projection's rebuild writes; projection names are constants of the code, never input. */
    static String schemaOf(Projection projection) {
        String schema = "rebuild_" + projection.name().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("projection " + projection.name() + " has no usable schema name");
        }
        return schema;
    }

    /** The schema the live tables are in: the first of the search path that exists, as the migrations made them. */
    String liveSchema() {
        return jdbc.sql("SELECT current_schema()").query(String.class).single();
    }

    /** Empty shadows of the projection's tables, after whatever an earlier rebuild left. */
    void create(Projection projection, String live) {
        String shadow = schemaOf(projection);
        drop(projection);
        jdbc.sql("CREATE SCHEMA " + shadow).update();
        for (String table : tablesOf(projection)) {
            jdbc.sql("CREATE TABLE " + shadow + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)")
                    .update();
        }
    }

    void drop(Projection projection) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schemaOf(projection) + " CASCADE").update();
    }

    /**
     * Points the current transaction at the shadows until it ends (or its savepoint is rolled back).
     *
     * @throws IllegalStateException outside a transaction, where the setting would not hold for the next statement
     */
    void useShadows(Projection projection) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a rebuild writes its shadow tables inside a transaction only");
        }
        jdbc.sql("SELECT set_config('search_path', :schema, true)")
                .param("schema", schemaOf(projection))
                .query(String.class)
                .single();
    }

    /**
     * Replaces the live model by the shadows' rows, inside the caller's transaction, which holds the projection's swap
     * lock: the live tables keep their names, indexes and privileges, and readers see the old rows until the
     * transaction commits, the rebuilt ones after. Skipped dead letters stay: they record operators' decisions.
     */
    void swap(Projection projection, String live) {
        String shadow = schemaOf(projection);
        for (String table : projection.tables()) {
            jdbc.sql("DELETE FROM " + live + "." + table).update();
            copy(shadow, live, table, "");
        }
        jdbc.sql("DELETE FROM " + live + ".projection_tracking WHERE projection = :projection")
                .param("projection", projection.name()).update();
        copy(shadow, live, "projection_tracking", "");
        jdbc.sql("DELETE FROM " + live + ".projection_parked_event WHERE projection = :projection")
                .param("projection", projection.name()).update();
        copy(shadow, live, "projection_parked_event", "");
        jdbc.sql("DELETE FROM " + live + ".projection_dead_letter WHERE projection = :projection "
                + "AND skipped_at IS NULL").param("projection", projection.name()).update();
        copy(shadow, live, "projection_dead_letter", " WHERE skipped_at IS NULL");
    }

    /** Every row of one shadow table into the live one; generated and identity columns are the live table's own. */
    private void copy(String shadow, String live, String table, String where) {
        String columns = String.join(", ", writableColumns(live, table));
        jdbc.sql("INSERT INTO " + live + "." + table + " (" + columns + ") SELECT " + columns + " FROM " + shadow + "."
                + table + where).update();
    }

    private List<String> writableColumns(String schema, String table) {
        return jdbc.sql("""
                        SELECT quote_ident(a.attname) FROM pg_attribute a
                        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = :schema AND c.relname = :table AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = '' AND a.attidentity = ''
                        ORDER BY a.attnum""")
                .param("schema", schema)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private static List<String> tablesOf(Projection projection) {
        List<String> tables = new ArrayList<>(projection.tables());
        tables.addAll(BOOKKEEPING);
        return tables;
    }
}
