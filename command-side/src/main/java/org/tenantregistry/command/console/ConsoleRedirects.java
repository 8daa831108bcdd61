package org.tenantregistry.command.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

import java.util.UUID;

/**
 * A form's answer: 303 See Other, so that the browser reads the next page with GET whatever the form sent. After a
 * write, the next page is the tenant's on the query side, with the version the write left as {@code min_version}:
 * the query side holds the page back until its read model has that version, so the page shows the change.
 */
final class ConsoleRedirects {

    private ConsoleRedirects() {
    }

    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    /** @param done which write it was, for the page's notice (the query side picks the words) */
    static RedirectView tenantPage(UUID tenantId, long version, String done) {
        return seeOther("/console/tenants/" + tenantId + "?min_version=" + tenantId + ":" + version + "&done=" + done);
    }
}
