package org.tenantregistry.query.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.tenantregistry.query.projection.ProjectionOverview;
import org.tenantregistry.query.projection.ProjectionRebuilds;
import org.tenantregistry.query.projection.RebuildRunningException;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.SeeOther;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The operators' page: each projection with its lag and dead letters, and a rebuild with its progress. The progress
 * is the page's own fragment, which htmx reloads every second while a rebuild runs; without the script the page shows
 * the progress as it was when it was loaded (and a reload shows it anew).
 */
@Controller
@RequestMapping("/console/operations")
class ConsoleOperations {

    private final ProjectionOverview overview;
    private final ProjectionRebuilds rebuilds;

    ConsoleOperations(ProjectionOverview overview, ProjectionRebuilds rebuilds) {
        this.overview = overview;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    ModelAndView operations(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String notice,
                            HttpServletRequest request) {
        ModelAndView view = new ModelAndView(ConsoleTenantPages.isHtmx(request)
                ? "console/operations :: projections" : "console/operations");
        view.addObject("caller", caller);
        view.addObject("overview", overview.overview());
        view.addObject("notice", "started".equals(notice) ? "Rebuild started."
                : "running".equals(notice) ? "A rebuild is running already; one at a time." : null);
        return view;
    }

    @PostMapping("/{name}/rebuild")
    RedirectView rebuild(@PathVariable String name) {
        String notice;
        try {
            rebuilds.start(name);
            notice = "started";
        } catch (RebuildRunningException e) {
            notice = "running";
        }
        return SeeOther.to("/console/operations?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8));
    }
}
