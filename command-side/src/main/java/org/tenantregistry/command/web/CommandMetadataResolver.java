package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.command.tenant.TextRules;

import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.security.CallerAuthentication;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sends a command, why, from where and in which request: the metadata every event of the command inherits, which
 * is what auditors read. Who it is comes from the validated token alone (its subject and client), never from what the
 * client writes in a header. Values are bounded because they are stored on every event.
 */
@Component
class CommandMetadataResolver {

    static final String REASON_HEADER = "X-Change-Reason";
    static final String ANONYMOUS = "anonymous";

    private static final int MAX_REASON_LENGTH = 1000;

    MetaData of(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        String correlationId = RequestIdFilter.of(request);
        if (correlationId != null) {
            values.put(CommandMetadata.CORRELATION_ID, correlationId);
        }
        Caller caller = callerOf(request);
        values.put(CommandMetadata.ACTOR, caller == null ? ANONYMOUS : caller.subject());
        if (caller != null && caller.clientId() != null) {
            values.put(CommandMetadata.CLIENT_ID, caller.clientId());
        }
        if (caller != null && caller.partnerId() != null) {
            values.put(CommandMetadata.CALLER_PARTNER, caller.partnerId());
        }
        String reason = bounded(request, REASON_HEADER, MAX_REASON_LENGTH);
        if (reason != null) {
            values.put(CommandMetadata.REASON, reason);
        }
        // the client's address: behind a trusted proxy, TrustedProxiesFilter has put the forwarded one in its place
        values.put(CommandMetadata.CLIENT_ADDRESS, request.getRemoteAddr());
        return MetaData.from(values);
    }

    /**
     * Who is asking, as idempotency keys are scoped: the authenticated subject and client, so that one caller's key
     * never answers another's request.
     */
    String caller(HttpServletRequest request) {
        Caller caller = callerOf(request);
        return caller == null ? ANONYMOUS + " " + request.getRemoteAddr()
                : caller.subject() + (caller.clientId() == null ? "" : " " + caller.clientId());
    }

    /** The authenticated caller, or null before authentication. */
    static Caller callerOf(HttpServletRequest request) {
        return CallerAuthentication.callerOf(request.getUserPrincipal()).orElse(null);
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
