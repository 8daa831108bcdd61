package org.tenantregistry.query.web;

/** Example bodies for the API description; they mirror the golden samples of shared-events. */
final class ApiExamples {

    static final String MIN_VERSION = """
            Wait until the read model shows at least this version of a tenant: `<tenant id>:<version>`, repeatable or \
            comma-separated. Past the wait bound the answer is 503 with Retry-After.""";

    static final String TENANT = """
            {
              "id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20",
              "number": 1042,
              "name": "Acme Telecom",
              "slug": "acme",
              "domain": "acme.example.com",
              "status": "active",
              "active": true,
              "is_trashed": false,
              "suspension_reason": null,
              "timezone": "Europe/Berlin",
              "max_extensions": 50,
              "settings": {"mfa_required": true},
              "currency": "EUR",
              "accent_color": "#1A2B3C",
              "logo_url": "https://cdn.example.com/acme.png",
              "description": "Regional carrier",
              "address": "Hauptstrasse 1",
              "city": "Berlin",
              "post_code": "10115",
              "country_code": "DE",
              "country_name": "Germany",
              "partner_id": "partner-17",
              "created_at": "2026-11-22T09:30:00Z",
              "updated_at": "2026-11-22T09:30:00Z",
              "deleted_at": null,
              "version": 2,
              "extensions_count": 1,
              "dids_count": 0,
              "queues_count": 0,
              "rates_count": 0,
              "users_count": 0
            }""";

    static final String SHOWN = """
            {
              "message": "Tenant loaded successfully.",
              "data": {
                "id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "number": 1042, "name": "Acme Telecom", "slug": "acme",
                "domain": "acme.example.com", "status": "active", "active": true, "is_trashed": false,
                "suspension_reason": null, "timezone": "Europe/Berlin", "max_extensions": 50,
                "settings": {"mfa_required": true}, "currency": "EUR", "accent_color": "#1A2B3C",
                "logo_url": "https://cdn.example.com/acme.png", "description": "Regional carrier",
                "address": "Hauptstrasse 1", "city": "Berlin", "post_code": "10115", "country_code": "DE",
                "country_name": "Germany", "partner_id": "partner-17", "created_at": "2026-11-22T09:30:00Z",
                "updated_at": "2026-11-22T09:31:00Z", "deleted_at": null, "version": 2, "extensions_count": 1,
                "dids_count": 0, "queues_count": 0, "rates_count": 0, "users_count": 0,
                "extensions": [{"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                                "tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "number": "100",
                                "name": "Reception", "created_at": "2026-11-22T09:31:00Z"}],
                "dids": [], "queues": [], "rates": []
              }
            }""";

    static final String PAGE = """
            {
              "message": "Tenants fetched successfully.",
              "data": [ """ + TENANT + """
             ],
              "links": {
                "first": "http://localhost:8082/api/tenants?search=acme&per_page=1&page=1",
                "last": "http://localhost:8082/api/tenants?search=acme&per_page=1&page=3",
                "prev": "http://localhost:8082/api/tenants?search=acme&per_page=1&page=1",
                "next": "http://localhost:8082/api/tenants?search=acme&per_page=1&page=3&cursor=MQotY3JlYXRlZF9hdAo2ZjFjMmEzZS04ZDRiLTRjMWEtOWUyZi0zYjVkN2E5YzFlMjAKMjAyNi0xMS0yMiAxMDoxNTowMCswMA"
              },
              "meta": {"current_page": 2, "from": 2, "to": 2, "per_page": 1, "total": 3, "total_relation": "eq",
                       "last_page": 3, "path": "http://localhost:8082/api/tenants"}
            }""";

    static final String COUNT = """
            {"message": "Tenants counted successfully.", "count": 42, "count_relation": "eq"}""";

    static final String DASHBOARD = """
            {
              "message": "Dashboard loaded successfully.",
              "partner_id": "partner-17",
              "total_tenants": 2,
              "by_status": {"active": 1, "suspended": 1, "deactivated": 0, "deleted": 1},
              "by_partner": [{"partner_id": "partner-17", "tenants": 2}],
              "by_country": [{"country_code": "DE", "country_name": "Germany", "tenants": 2}],
              "created_per_day": [{"date": "2026-10-24", "tenants": 0}, {"date": "2026-11-22", "tenants": 3}],
              "extensions": {"max_extensions": 150, "in_use": 0},
              "domains_by_state": {"pending": 1, "verified": 2, "expired": 0}
            }""";

    static final String INVALID_PARAMETERS = """
            {
              "type": "urn:tenant-registry:problem:invalid-parameters",
              "title": "Invalid parameters",
              "status": 422,
              "detail": "Some query parameters are out of bounds.",
              "instance": "/api/tenants",
              "message": "The given data was invalid.",
              "errors": {"per_page": ["The per page field must be between 1 and 100."]}
            }""";

    static final String MALFORMED_PARAMETERS = """
            {
              "type": "urn:tenant-registry:problem:malformed-parameters",
              "title": "Malformed parameters",
              "status": 400,
              "detail": "Some parameters could not be read.",
              "instance": "/api/tenants",
              "message": "Some parameters could not be read.",
              "errors": {"min_version": ["The min version field 'abc' is not <tenant id>:<version>."]}
            }""";

    static final String NOT_FOUND = """
            {
              "type": "urn:tenant-registry:problem:tenant-not-found",
              "title": "Tenant not found",
              "status": 404,
              "detail": "No tenant with id '6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20'",
              "instance": "/api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20"
            }""";

    /** The rule every lookup of one tenant follows. */
    static final String VISIBILITY = "An MSP admin (token with a partner_id claim) sees only its partner's tenants, "
            + "a client admin (tenant_id claim) only its own; any other tenant answers 404 exactly as an unknown one "
            + "(the same problem, by id, number, slug or domain alike).";

    static final String PARTNER_NOT_FOUND = """
            {
              "type": "urn:tenant-registry:problem:partner-not-found",
              "title": "Partner not found",
              "status": 404,
              "detail": "No partner 'partner-18'",
              "instance": "/api/dashboard/msp"
            }""";

    static final String NOT_CAUGHT_UP = """
            {
              "type": "urn:tenant-registry:problem:not-caught-up",
              "title": "Read model not caught up",
              "status": 503,
              "detail": "The read model has not reached the requested version yet; retry shortly.",
              "instance": "/api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20",
              "pending": ["6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:4"]
            }""";

    static final String DOMAINS = """
            {
              "message": "Domains fetched successfully.",
              "data": [{
                "id": "0b7e9f4a-2c1d-4e8f-9a3b-5c6d7e8f9a0b",
                "tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20",
                "domain": "portal.acme.com",
                "status": "pending",
                "is_primary": false,
                "verification_token": "trv-5f3a9c1e7b2d4a6f8e0c",
                "token_expires_at": "2026-12-11T09:30:00Z",
                "records": [
                  {"type": "CNAME", "name": "portal.acme.com", "value": "acme.tenants.example.com"},
                  {"type": "TXT", "name": "_tenant-registry.portal.acme.com", "value": "trv-5f3a9c1e7b2d4a6f8e0c"}
                ],
                "next_step": "Create one of the records, then PUT /api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20/domains/0b7e9f4a-2c1d-4e8f-9a3b-5c6d7e8f9a0b/verify.",
                "last_check": {
                  "outcome": "no_records",
                  "detail": "portal.acme.com has no CNAME or TXT record",
                  "expected_cname": "acme.tenants.example.com",
                  "cname_targets": [],
                  "txt_name": "_tenant-registry.portal.acme.com",
                  "txt_values": [],
                  "consecutive_failures": 1,
                  "checked_at": "2026-12-04T09:31:00Z"
                },
                "verified_at": null,
                "created_at": "2026-12-04T09:30:00Z",
                "updated_at": "2026-12-04T09:31:00Z"
              }]
            }""";

    static final String BRANDING = """
            {"name": "Acme", "logo_url": "https://cdn.example.com/acme.png", "accent_color": "#1A2B3C", \
            "is_tenant": true}""";

    static final String HOST_NOT_FOUND = """
            {
              "type": "urn:tenant-registry:problem:host-not-found",
              "title": "No tenant at this host",
              "status": 404,
              "detail": "No tenant at host 'nobody.example.com'",
              "instance": "/api/public/branding"
            }""";

    private ApiExamples() {
    }
}
