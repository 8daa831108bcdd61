package org.tenantregistry.command.tenant;

import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.TenantStatus;

/** A lifecycle transition asked for through the {@code status} field of a create, PUT or PATCH body. */
record StatusChange(TenantStatus target, String reason, MemberStatus userStatus) {
}
