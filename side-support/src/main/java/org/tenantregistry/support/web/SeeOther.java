package org.tenantregistry.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** A console form's answer on either side: 303 See Other, so that the browser reads the next page with GET. */
public final class SeeOther {

    private SeeOther() {
    }

    public static RedirectView to(String path) {
        RedirectView view = new RedirectView(path);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
