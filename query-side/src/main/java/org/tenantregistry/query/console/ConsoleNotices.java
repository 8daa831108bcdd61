package org.tenantregistry.query.console;

import java.util.Map;

/**
 * What the page after a console write says happened. The command side names the write in {@code done}; the words are
 * chosen here from a fixed list, so that a link cannot make the console say anything else.
 */
final class ConsoleNotices {

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("created", "Tenant created."),
            Map.entry("updated", "Tenant updated."),
            Map.entry("suspended", "Tenant suspended."),
            Map.entry("reactivated", "Tenant reactivated."),
            Map.entry("deactivated", "Tenant deactivated."),
            Map.entry("activated", "Tenant activated."),
            Map.entry("deleted", "Tenant deleted; it can be restored."),
            Map.entry("restored", "Tenant restored."),
            Map.entry("slug", "Slug changed."),
            Map.entry("domain-added", "Domain added: create one of its DNS records, then verify it."),
            Map.entry("domain-verified", "Domain verified."),
            Map.entry("domain-not-verified", "Domain not verified yet: DNS does not show its records (see the last check)."));

    private ConsoleNotices() {
    }

    static String of(String done) {
        return done == null ? null : NOTICES.get(done);
    }
}
