package org.tenantregistry.command.console;

import org.springframework.web.servlet.view.RedirectView;
import org.tenantregistry.support.web.SeeOther;

import java.util.UUID;

/**
 * After a write, the next page is the tenant's on the query side, with the version the write left as
 * {@code min_version}: the query side holds the page back until its read model has that version, so the page shows
 * the change.
 */
final class ConsoleRedirects {

    private ConsoleRedirects() {
    }

    /** @param done which write it was, for the page's notice (the query side picks the words) */
    static RedirectView tenantPage(UUID tenantId, long version, String done) {
        return SeeOther.to("/console/tenants/" + tenantId + "?min_version=" + tenantId + ":" + version + "&done=" + done);
    }
}
