package org.tenantregistry.command.web;

import org.springframework.http.ResponseEntity;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.support.web.TenantAnswer;
import org.tenantregistry.support.web.TenantRepresentation;

import java.net.URI;

/**
 * A write's answer: the whole record the write left, with the message seed 000's clients show, and the version as a
 * strong {@code ETag} for the next write's {@code If-Match}.
 */
final class TenantAnswers {

    private TenantAnswers() {
    }

    static ResponseEntity<TenantAnswer> created(TenantState state) {
        return ResponseEntity.created(URI.create("/api/tenants/" + state.id()))
                .eTag(VersionTags.etag(state.version()))
                .body(new TenantAnswer("Tenant created successfully.", representation(state)));
    }

    static ResponseEntity<TenantAnswer> ok(TenantState state, String message) {
        return ResponseEntity.ok().eTag(VersionTags.etag(state.version()))
                .body(new TenantAnswer(message, representation(state)));
    }

    /** Seed 001's deactivate and activate: {@code is_trashed} at the top level too. */
    static ResponseEntity<TenantAnswer> okWithTrash(TenantState state, String message) {
        TenantRepresentation tenant = representation(state);
        return ResponseEntity.ok().eTag(VersionTags.etag(state.version()))
                .body(new TenantAnswer(message, tenant, tenant.isTrashed()));
    }

    static TenantRepresentation representation(TenantState state) {
        return representation(state, TenantRepresentation.Relations.OMITTED);
    }

    /** The same record with relations, as an as-of read and the audit trail's diffs show the custom domains. */
    static TenantRepresentation representation(TenantState state, TenantRepresentation.Relations relations) {
        var details = state.details();
        return TenantRepresentation.of(new TenantRepresentation.Fields(state.id(), state.number(), details.name(),
                        state.slug(), details.domain(), state.status(), state.suspensionReason(), details.timezone(),
                        details.maxExtensions(), details.settings(), details.branding(), details.profile(),
                        details.partnerId(), state.createdAt(), state.updatedAt(), state.deletedAt(), state.version()),
                new TenantRepresentation.Counts(state.usage().extensions(), state.usage().dids(),
                        state.usage().queues(), state.usage().rates(), state.usage().users()),
                relations);
    }
}
