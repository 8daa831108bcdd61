package org.tenantregistry.command.tenant;

/** A draft that passed every field rule; {@code slug} and {@code statusChange} stay null when not asked for. */
record ValidDraft(String slug, TenantDetails details, StatusChange statusChange) {
}
