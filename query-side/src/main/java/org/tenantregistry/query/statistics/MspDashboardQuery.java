package org.tenantregistry.query.statistics;

/** The MSP dashboard, for one partner or (null) for all. */
public record MspDashboardQuery(String partnerId) {
}
