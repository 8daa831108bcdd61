package org.tenantregistry.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the same PostgreSQL does at most for the registry's create: one transaction per create with one event row
 * (a 600-byte bytea payload, unique event id and unique aggregate id + sequence, as an event store keeps them) and one
 * claim row with a unique key, over JDBC from N clients, in a database of its own on the same server and settings.
 */
final class RawPostgresLimit {

    private static final int PAYLOAD_BYTES = 600;

    private final Postgres postgres;

    RawPostgresLimit(Postgres postgres) throws SQLException {
        this.postgres = postgres;
        postgres.freshDatabase("benchmark_raw");
        try (Connection connection = postgres.connect("benchmark_raw");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE event (
                        global_index BIGSERIAL PRIMARY KEY,
                        event_id UUID NOT NULL UNIQUE,
                        aggregate_id VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        type VARCHAR(255) NOT NULL,
                        time_stamp TIMESTAMPTZ NOT NULL,
                        payload BYTEA NOT NULL,
                        UNIQUE (aggregate_id, sequence_number))""");
            statement.execute("CREATE TABLE claim (claim_key VARCHAR(255) PRIMARY KEY, tenant_id UUID NOT NULL)");
        }
    }

    ClosedLoop.Result run(int clients, Duration warmUp, Duration measured) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement[]> statements = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection connection = postgres.connect("benchmark_raw");
            connection.setAutoCommit(false);
            connections.add(connection);
            statements.add(new PreparedStatement[]{
                    connection.prepareStatement("INSERT INTO event (event_id, aggregate_id, sequence_number, type,"
                            + " time_stamp, payload) VALUES (?, ?, 0, 'TenantCreated', ?, ?)"),
                    connection.prepareStatement("INSERT INTO claim (claim_key, tenant_id) VALUES (?, ?)")});
        }
        try {
            return ClosedLoop.run(clients, warmUp, measured, (client, n) -> {
                Connection connection = connections.get(client);
                PreparedStatement[] insert = statements.get(client);
                UUID tenant = UUID.randomUUID();
                byte[] payload = new byte[PAYLOAD_BYTES];
                ThreadLocalRandom.current().nextBytes(payload);
                insert[0].setObject(1, UUID.randomUUID());
                insert[0].setString(2, tenant.toString());
                insert[0].setObject(3, java.sql.Timestamp.from(Instant.now()));
                insert[0].setBytes(4, payload);
                insert[0].executeUpdate();
                insert[1].setString(1, "slug:raw-" + tenant);
                insert[1].setObject(2, tenant);
                insert[1].executeUpdate();
                connection.commit();
                return true;
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
