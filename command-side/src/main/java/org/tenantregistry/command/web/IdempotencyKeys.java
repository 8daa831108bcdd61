package org.tenantregistry.command.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code idempotency_key} table: the stored answers that let a retry get the first answer again. Statements run
 * outside any transaction on purpose: a claim must be visible to a concurrent retry at once, and the stored answer
 * must survive even though the command's transaction is long over. That no retry creates a second tenant does not
 * depend on this table (see {@link IdempotentTenantIds}); it only keeps the replayed answer exact.
 *
 * <p>Keys are per caller: the {@code idempotency_key} column holds a digest of the caller and the key (see
 * {@link #scoped}), so that one caller's key neither replays nor blocks another caller's request.
 */
@Component
class IdempotencyKeys {

    /** What a request finds when it presents its key. */
    sealed interface Outcome {
    }

    /** The key is new (or expired): this request runs and must {@link #complete} or {@link #release} it. */
    record Claimed() implements Outcome {
    }

    /** Another request with this key is still running. */
    record InFlight() implements Outcome {
    }

    /** The key was used for a different request. */
    record OtherRequest() implements Outcome {
    }

    /** The key's first request finished: answer exactly as it was answered. */
    record Replay(int status, Map<String, String> headers, byte[] body) implements Outcome {
    }

    private static final String CLAIM = """
            INSERT INTO idempotency_key (idempotency_key, fingerprint, created_at)
            VALUES (:key, :fingerprint, :now)
            ON CONFLICT (idempotency_key) DO UPDATE
               SET fingerprint = EXCLUDED.fingerprint, response_status = NULL, response_headers = NULL,
                   response_body = NULL, created_at = EXCLUDED.created_at
             WHERE idempotency_key.created_at < :expiredBefore
                OR (idempotency_key.response_status IS NULL AND idempotency_key.created_at < :abandonedBefore)
            """;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;
    private final JsonMapper json;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, IdempotencyProperties properties, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /** The row's key for a caller's {@code Idempotency-Key}: fixed length, whatever the two are. */
    static String scoped(String caller, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(caller.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Outcome claim(String key, String fingerprint) {
        Instant now = clock.instant();
        Timestamp expiredBefore = Timestamp.from(now.minus(properties.retention()));
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :expiredBefore AND idempotency_key <> :key")
                .param("expiredBefore", expiredBefore)
                .param("key", key)
                .update();
        while (true) {
            int claimed = jdbc.sql(CLAIM)
                    .param("key", key)
                    .param("fingerprint", fingerprint)
                    .param("now", Timestamp.from(now))
                    .param("expiredBefore", expiredBefore)
                    .param("abandonedBefore", Timestamp.from(now.minus(properties.inFlightTimeout())))
                    .update();
            if (claimed == 1) {
                return new Claimed();
            }
            Optional<Outcome> existing = jdbc.sql("""
                            SELECT fingerprint, response_status, response_headers, response_body
                              FROM idempotency_key WHERE idempotency_key = :key
                            """)
                    .param("key", key)
                    .query((rs, row) -> outcome(fingerprint, rs.getString(1), (Integer) rs.getObject(2),
                            rs.getString(3), rs.getBytes(4)))
                    .optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            // released by its failed first request between our two statements: claim it again
        }
    }

    void complete(String key, int status, Map<String, String> headers, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_key SET response_status = :status, response_headers = :headers,
                               response_body = :body
                         WHERE idempotency_key = :key
                        """)
                .param("status", status)
                .param("headers", json.writeValueAsString(headers))
                .param("body", body)
                .param("key", key)
                .update();
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry runs again. */
    void release(String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = :key AND response_status IS NULL")
                .param("key", key)
                .update();
    }

    private Outcome outcome(String fingerprint, String storedFingerprint, Integer status, String headers, byte[] body) {
        if (!fingerprint.equals(storedFingerprint)) {
            return new OtherRequest();
        }
        if (status == null) {
            return new InFlight();
        }
        return new Replay(status, json.readValue(headers, HEADERS), body == null ? new byte[0] : body);
    }
}
