package org.tenantregistry.query.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** A form's answer: 303 See Other, so that the browser reads the next page with GET whatever the form sent. */
final class ConsoleRedirects {

    private ConsoleRedirects() {
    }

    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
