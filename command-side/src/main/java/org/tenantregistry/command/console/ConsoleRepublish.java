package org.tenantregistry.command.console;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.publishing.InvalidRepublishException;
import org.tenantregistry.command.publishing.RepublishRequest;
import org.tenantregistry.command.publishing.RepublishRunningException;
import org.tenantregistry.command.publishing.Republisher;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.SeeOther;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operators send stored events to the topic again from the console, as {@code POST /api/admin/republish} does: one
 * tenant's from a sequence on, or every tenant's from a global position on. The page shows the running or last job;
 * while one runs, htmx reloads its progress every second.
 */
@Controller
@RequestMapping("/console/republish")
class ConsoleRepublish {

    private final Republisher republisher;

    ConsoleRepublish(Republisher republisher) {
        this.republisher = republisher;
    }

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal Caller caller,
                      @RequestParam(defaultValue = "false") boolean fragment) {
        return view(caller, fragment, Map.of(), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping
    Object start(@AuthenticationPrincipal Caller caller,
                 @RequestParam(name = "tenant_id", required = false) String tenantId,
                 @RequestParam(name = "from_sequence", required = false) String fromSequence,
                 @RequestParam(name = "from_position", required = false) String fromPosition) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("tenant_id", blankAsNull(tenantId));
        values.put("from_sequence", blankAsNull(fromSequence));
        values.put("from_position", blankAsNull(fromPosition));
        Map<String, String> errors = new LinkedHashMap<>();
        Long sequence = number("from_sequence", values.get("from_sequence"), errors);
        Long position = number("from_position", values.get("from_position"), errors);
        if (!errors.isEmpty()) {
            return view(caller, false, values, errors, null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            republisher.start(new RepublishRequest(values.get("tenant_id"), sequence, position), caller.subject());
        } catch (InvalidRepublishException e) {
            return view(caller, false, values, e.errors(), null, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (AggregateNotFoundException e) {
            return view(caller, false, values, Map.of("tenant_id", "has no stored events"), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (RepublishRunningException e) {
            return view(caller, false, values, Map.of(), e.getMessage() + ".", HttpStatus.CONFLICT);
        }
        return SeeOther.to("/console/republish");
    }

    private ModelAndView view(Caller caller, boolean fragment, Map<String, String> values, Map<String, String> errors,
                              String message, HttpStatus status) {
        ModelAndView view = new ModelAndView(fragment ? "console/republish :: job" : "console/republish");
        view.setStatus(status);
        view.addObject("caller", caller);
        view.addObject("job", republisher.status().orElse(null));
        view.addObject("values", values);
        view.addObject("errors", errors.isEmpty() ? null : errors);
        view.addObject("message", message);
        return view;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A whole number the form sent, or null when it sent none; anything else is the field's error. */
    private static Long number(String field, String value, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number from 0");
            return null;
        }
    }
}
