package org.tenantregistry.query.web;

import org.springframework.stereotype.Component;
import org.tenantregistry.query.config.QueryProperties;
import org.tenantregistry.query.projection.ProjectionProgress;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.projection.WaitBound;

import java.util.List;

/** Holds a query back until the projection it reads has applied the versions the client has seen written. */
@Component
class ReadYourWrites {

    private final ProjectionProgress progress;
    private final WaitBound bound;

    ReadYourWrites(ProjectionProgress progress, QueryProperties properties) {
        this.progress = progress;
        this.bound = new WaitBound(properties.consistency().maxWait(), properties.consistency().pollInterval());
    }

    /** @throws org.tenantregistry.query.projection.ProjectionLagException past the configured bound (503) */
    void await(String projection, List<VersionToken> tokens) {
        progress.awaitApplied(projection, tokens, bound);
    }
}
