package org.tenantregistry.benchmark.crud;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** POST /api/tenants with the registry's request shape; the slug is derived from the name when none is sent. */
@RestController
@RequestMapping("/api/tenants")
class TenantController {

    private final TenantRepository tenants;

    TenantController(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestBody Draft draft) {
        String slug = draft.slug() != null ? draft.slug()
                : draft.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Tenant saved = tenants.save(new Tenant(draft.name(), slug, draft.domain(), draft.partner_id(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/tenants/" + saved.id()))
                .body(new Created(saved.id(), saved.slug(), saved.version()));
    }

    record Draft(String name, String slug, String domain, String partner_id) {
    }

    record Created(UUID id, String slug, long version) {
    }
}
