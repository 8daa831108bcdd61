package org.tenantregistry.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Reads of the query side at the loaded size, one client, each for a fixed time, and the bare SQL baseline: the page
 * statement of a search run over JDBC on the query side's database, on its indexes.
 *
 * <p>The bare statement mirrors what the query side runs for a search page. With the search document
 * {@code tenant.search_text} (lower-cased name, slug, domain and description under one trigram index) it is
 * {@code search_text LIKE '%term%'}; the query side of today ORs four ILIKEs over the four columns instead. The
 * statement is chosen by whether the column exists.
 */
final class SearchFigures {

    static final String QUERY_DATABASE = "tenant_query";

    private final Http queries;
    private final Postgres postgres;

    SearchFigures(Http queries, Postgres postgres) {
        this.queries = queries;
        this.postgres = postgres;
    }

    ClosedLoop.Result api(String pathOrUrl, Duration warmUp, Duration measured) throws Exception {
        return ClosedLoop.run(1, warmUp, measured, (client, n) -> queries.get(pathOrUrl).status() == 200);
    }

    /** The URL of the page reached by following {@code links.next} this many times from the given first page. */
    String followNext(String firstPage, int times) throws Exception {
        String url = firstPage;
        for (int i = 0; i < times; i++) {
            String next = queries.get(url).json().path("links").path("next").asString(null);
            if (next == null) {
                break;
            }
            url = next;
        }
        return url;
    }

    boolean hasSearchDocument() throws SQLException {
        try (Connection connection = postgres.connect(QUERY_DATABASE);
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM information_schema.columns"
                     + " WHERE table_name = 'tenant' AND column_name = 'search_text'");
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    String bareSearchStatement() throws SQLException {
        String match = hasSearchDocument() ? "search_text LIKE ?"
                : "(name ILIKE ? OR slug ILIKE ? OR domain ILIKE ? OR description ILIKE ?)";
        return "SELECT * FROM tenant WHERE " + match
                + " AND status <> 'deleted' ORDER BY created_at DESC, id DESC LIMIT 20";
    }

    ClosedLoop.Result bareSearch(String term, Duration warmUp, Duration measured) throws Exception {
        String sql = bareSearchStatement();
        try (Connection connection = postgres.connect(QUERY_DATABASE);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int p = 1; p <= parameters; p++) {
                statement.setString(p, "%" + term.toLowerCase() + "%");
            }
            return ClosedLoop.run(1, warmUp, measured, (client, n) -> {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                return true;
            });
        }
    }

    long tenantRows() throws SQLException {
        try (Connection connection = postgres.connect(QUERY_DATABASE);
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tenant");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
