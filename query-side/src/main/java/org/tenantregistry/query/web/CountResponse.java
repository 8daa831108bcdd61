package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "TenantCount")
record CountResponse(long count) {
}
