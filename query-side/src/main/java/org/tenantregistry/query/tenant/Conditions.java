package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause assembled from optional filters, with its named parameters; never user text in the SQL. */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    Conditions add(String clause, String param, Object value) {
        clauses.add(clause);
        params.put(param, value);
        return this;
    }

    /** These conditions and one more, leaving these as they are. */
    Conditions and(String clause, Map<String, Object> values) {
        Conditions more = new Conditions();
        more.clauses.addAll(clauses);
        more.params.putAll(params);
        more.clauses.add(clause);
        more.params.putAll(values);
        return more;
    }

    /**
     * Only the tenants the reach covers. Without an id column (the counters) a reach to one tenant cannot be stated:
     * such a caller's counts come from the tenant rows.
     */
    Conditions within(Reach reach, String partnerColumn, String idColumn) {
        if (reach.partnerId() != null) {
            add(partnerColumn + " = :reachPartnerId__", "reachPartnerId__", reach.partnerId());
        }
        if (reach.tenantId() != null) {
            if (idColumn == null) {
                throw new IllegalArgumentException("a reach to one tenant needs the tenant id column");
            }
            add(idColumn + " = :reachTenantId__", "reachTenantId__", reach.tenantId());
        }
        return this;
    }

    /** All of them as one boolean expression. */
    String conjunction() {
        return clauses.isEmpty() ? "TRUE" : "(" + String.join(" AND ", clauses) + ")";
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.params(params);
    }

    /** Status, partner and country as both tables know them; deleted tenants out unless asked for. */
    static Conditions ofFacets(TenantFilter filter, String partnerColumn, String countryColumn) {
        Conditions conditions = new Conditions();
        if (filter.status() != null) {
            conditions.add("status = :status", "status", filter.status().wireName());
        } else if (!filter.includeDeleted()) {
            conditions.add("status <> :hiddenStatus", "hiddenStatus", "deleted");
        }
        if (filter.partnerId() != null) {
            conditions.add(partnerColumn + " = :partnerId", "partnerId", filter.partnerId());
        }
        if (filter.countryCode() != null) {
            conditions.add(countryColumn + " = :countryCode", "countryCode", filter.countryCode());
        }
        return conditions;
    }
}
