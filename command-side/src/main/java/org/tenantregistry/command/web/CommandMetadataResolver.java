package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.command.tenant.TextRules;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sends a command, why, from where and in which request: the metadata every event of the command inherits, which
 * is what auditors read. Values are bounded because they are stored on every event.
 */
@Component
class CommandMetadataResolver {

    static final String ACTOR_HEADER = "X-Actor";
    static final String REASON_HEADER = "X-Change-Reason";
    static final String ANONYMOUS = "anonymous";

    private static final int MAX_ACTOR_LENGTH = 255;
    private static final int MAX_REASON_LENGTH = 1000;

    MetaData of(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        String correlationId = RequestIdFilter.of(request);
        if (correlationId != null) {
            values.put(CommandMetadata.CORRELATION_ID, correlationId);
        }
        String actor = bounded(request, ACTOR_HEADER, MAX_ACTOR_LENGTH);
        values.put(CommandMetadata.ACTOR, actor == null ? ANONYMOUS : actor);
        String reason = bounded(request, REASON_HEADER, MAX_REASON_LENGTH);
        if (reason != null) {
            values.put(CommandMetadata.REASON, reason);
        }
        // the client's address: behind a trusted proxy, TrustedProxiesFilter has put the forwarded one in its place
        values.put(CommandMetadata.CLIENT_ADDRESS, request.getRemoteAddr());
        return MetaData.from(values);
    }

    /**
     * Who is asking, as far as requests are told apart today: the actor the client names and the address it sends
     * from (the client's, behind a trusted gateway). Idempotency keys are scoped by it. When requests are
     * authenticated, this is where the authenticated subject takes over.
     *
     * @throws InvalidHeaderException for an unusable {@code X-Actor}
     */
    String caller(HttpServletRequest request) {
        String actor = bounded(request, ACTOR_HEADER, MAX_ACTOR_LENGTH);
        return (actor == null ? ANONYMOUS : actor) + " " + request.getRemoteAddr();
    }

    private static String bounded(HttpServletRequest request, String header, int maxLength) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            throw new InvalidHeaderException(header, "must be at most " + maxLength + " characters");
        }
        // Tomcat passes bytes 0x80-0x9F on as C1 control characters; they would travel with every event.
        String problem = TextRules.problemWithLine(value);
        if (problem != null) {
            throw new InvalidHeaderException(header, problem);
        }
        return value;
    }
}
