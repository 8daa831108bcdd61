package org.tenantregistry.command.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.audit.AuditPage;
import org.tenantregistry.command.audit.HistoryOrder;
import org.tenantregistry.command.audit.HistoryQuery;
import org.tenantregistry.command.audit.TenantHistory;
import org.tenantregistry.command.web.AuditAnswers;
import org.tenantregistry.support.security.Caller;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's history as a timeline, newest first: who changed what, when and why, each event's change as the audit
 * API's diff of the tenant's representation; and the tenant as it was at an earlier version. The tenant's page loads
 * the latest entries as a fragment (htmx); without the script it links here.
 */
@Controller
@RequestMapping("/console/tenants/{id}/history")
class ConsoleHistory {

    static final int PAGE = 20;

    private final TenantHistory history;
    private final AuditAnswers answers;
    private final JsonMapper json;

    ConsoleHistory(TenantHistory history, AuditAnswers answers, JsonMapper json) {
        this.history = history;
        this.answers = answers;
        this.json = json;
    }

    /** One event of the timeline: the audit API's entry, and its changes as the page shows them. */
    record Event(AuditAnswers.Entry entry, List<FieldChange> changes) {
    }

    /** A changed field; a value that is no plain text or number (settings, the domains) as the API's JSON. */
    record FieldChange(String field, String from, String to) {
    }

    @GetMapping
    ModelAndView history(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestParam(required = false) Long before,
                         @RequestParam(name = "at_version", required = false) Long atVersion,
                         @RequestParam(required = false) Integer limit,
                         @RequestParam(defaultValue = "false") boolean fragment) {
        int size = limit == null || limit < 1 || limit > PAGE ? PAGE : limit;
        AuditPage page = history.of(id, caller.partnerId(),
                new HistoryQuery(HistoryOrder.DESC, null, before, size, Set.of(), null, null));
        ModelAndView view = new ModelAndView(fragment ? "console/history :: timeline" : "console/history");
        view.addObject("caller", caller);
        view.addObject("tenantId", id);
        view.addObject("entries", page.events().stream().map(answers::entry).map(this::event).toList());
        view.addObject("older", page.next() == null ? null
                : "/console/tenants/" + id + "/history?before=" + page.next());
        view.addObject("name", page.events().isEmpty() ? id.toString()
                : page.events().get(0).after().details().name());
        if (atVersion != null) {
            view.addObject("past", answers.past(history.atVersion(id, caller.partnerId(), atVersion)));
        }
        return view;
    }

    private Event event(AuditAnswers.Entry entry) {
        return new Event(entry, entry.changes().entrySet().stream()
                .map(change -> new FieldChange(change.getKey(), shown(change.getValue().from()),
                        shown(change.getValue().to())))
                .toList());
    }

    private String shown(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString()
                : json.writeValueAsString(value);
    }
}
