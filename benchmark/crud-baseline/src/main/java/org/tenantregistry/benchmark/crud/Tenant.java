package org.tenantregistry.benchmark.crud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One tenant, one row; the database guards the unique slug and domain. */
@Entity
@Table(name = "tenant")
public class Tenant {

    // Generated on persist, so that save() inserts without reading first (an assigned id would make it merge).
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(unique = true)
    private String domain;

    private String partnerId;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    Tenant(String name, String slug, String domain, String partnerId, Instant createdAt) {
        this.name = name;
        this.slug = slug;
        this.domain = domain;
        this.partnerId = partnerId;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    long version() {
        return version;
    }
}
