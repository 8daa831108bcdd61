package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.domain.DomainState;
import org.tenantregistry.command.resource.RegisterResource;
import org.tenantregistry.command.resource.RegisteredResource;
import org.tenantregistry.command.tenant.TenantState;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Sends a command with the request's metadata and answers with what its handler answered. Exceptions come out
 * as the aggregate threw them, whatever Axon wrapped them in, so that the advice maps the real cause. The console's
 * forms (command.console) send theirs through it too, with the same metadata.
 */
@Component
public class CommandDispatcher {

    /** Each attempt loses only to a write that succeeded meanwhile, so a few suffice even for many racing clients. */
    private static final int CONCURRENT_CHANGE_ATTEMPTS = 10;

    private final CommandGateway gateway;
    private final CommandMetadataResolver metadata;

    CommandDispatcher(CommandGateway gateway, CommandMetadataResolver metadata) {
        this.gateway = gateway;
        this.metadata = metadata;
    }

    /** A command of the tenant's own answers with the state it left. */
    public TenantState send(Object command, HttpServletRequest request) {
        return (TenantState) dispatch(command, request);
    }

    /** A registration answers with the resource as stored as well as the version. */
    RegisteredResource register(RegisterResource command, HttpServletRequest request) {
        return (RegisteredResource) dispatch(command, request);
    }

    /** A release of a resource or a domain answers with the tenant's version. */
    long version(Object command, HttpServletRequest request) {
        return ((Number) dispatch(command, request)).longValue();
    }

    /** A write of a custom domain answers with the domain as it left it. */
    public DomainState domain(Object command, HttpServletRequest request) {
        return (DomainState) dispatch(command, request);
    }

    /**
     * Registrations race by design (many provisioning clients, one quota), and with several command-side instances
     * two of them may append the tenant's next event at once: the loser changed nothing. A command without a
     * precondition on the version is simply decided again on the tenant as it is now, where it succeeds or meets the
     * rule it breaks (such as the quota) instead of a vague concurrent-change.
     */
    public <T> T retried(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (ConcurrencyException e) {
                if (attempt == CONCURRENT_CHANGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Object dispatch(Object command, HttpServletRequest request) {
        try {
            return gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.of(request)));
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
    }

    static RuntimeException unwrapped(RuntimeException e) {
        Throwable cause = e;
        while ((cause instanceof CommandExecutionException || cause instanceof CompletionException
                || cause instanceof ExecutionException || cause instanceof UndeclaredThrowableException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }
}
