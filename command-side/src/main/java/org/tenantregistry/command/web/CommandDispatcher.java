package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.resource.RegisterResource;
import org.tenantregistry.command.resource.RegisteredResource;
import org.tenantregistry.command.resource.ReleaseResource;
import org.tenantregistry.command.tenant.TenantState;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends a command with the request's metadata and answers with what its handler answered. Exceptions come out
 * as the aggregate threw them, whatever Axon wrapped them in, so that the advice maps the real cause.
 */
@Component
class CommandDispatcher {

    private final CommandGateway gateway;
    private final CommandMetadataResolver metadata;

    CommandDispatcher(CommandGateway gateway, CommandMetadataResolver metadata) {
        this.gateway = gateway;
        this.metadata = metadata;
    }

    /** A command of the tenant's own answers with the state it left. */
    TenantState send(Object command, HttpServletRequest request) {
        return (TenantState) dispatch(command, request);
    }

    /** A registration answers with the resource as stored as well as the version. */
    RegisteredResource register(RegisterResource command, HttpServletRequest request) {
        return (RegisteredResource) dispatch(command, request);
    }

    /** A release answers with the tenant's version. */
    long release(ReleaseResource command, HttpServletRequest request) {
        return ((Number) dispatch(command, request)).longValue();
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
