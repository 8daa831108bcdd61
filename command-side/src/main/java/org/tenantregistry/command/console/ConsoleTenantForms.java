package org.tenantregistry.command.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.PatchTenant;
import org.tenantregistry.command.tenant.StaleVersionException;
import org.tenantregistry.command.tenant.TenantDocumentReader;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStates;
import org.tenantregistry.command.web.CommandDispatcher;
import org.tenantregistry.support.security.Caller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console's create and edit forms and their handlers: the API's commands (the same {@code CreateTenant} and
 * merge-patch {@code PatchTenant} as {@code POST} and {@code PATCH /api/tenants}), sent through the same dispatcher,
 * so the same rules and the same field errors. A refused form is shown again with each error beside its field. An
 * edit carries the version it was loaded at (the API's If-Match): when someone changed the tenant meanwhile, the form
 * comes back with their values beside the typed ones, and saving again is a decision made knowing both.
 */
@Controller
@RequestMapping("/console/tenants")
class ConsoleTenantForms {

    private final CommandDispatcher commands;
    private final TenantStates states;

    ConsoleTenantForms(CommandDispatcher commands, TenantStates states) {
        this.commands = commands;
        this.states = states;
    }

    @GetMapping("/new")
    ModelAndView newTenant(@AuthenticationPrincipal Caller caller) {
        Map<String, String> values = TenantForm.values(Map.of(), fieldsFor(caller, TenantForm.FIELDS));
        return form(caller, null, values, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> form,
                        HttpServletRequest request) {
        Map<String, String> values = TenantForm.values(form, fieldsFor(caller, TenantForm.FIELDS));
        UUID id = UUID.randomUUID();
        try {
            TenantState created = commands.send(new CreateTenant(id, TenantDocumentReader.read(TenantForm.document(values))),
                    ChangeReasonRequest.of(request, form.get("change_reason")));
            return new ModelAndView(ConsoleRedirects.tenantPage(id, created.version(), "created"));
        } catch (InvalidTenantException e) {
            return form(caller, null, values, e.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (IdentifierTakenException e) {
            return form(caller, null, values, taken(e), HttpStatus.CONFLICT);
        }
    }

    @GetMapping("/{id}/edit")
    ModelAndView edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        TenantState state = states.of(id, caller.partnerId());
        Map<String, String> values = TenantForm.of(state);
        values.keySet().retainAll(fieldsFor(caller, TenantForm.EDIT_FIELDS).stream().map(TenantForm.Field::name).toList());
        ModelAndView view = form(caller, state, values, null, HttpStatus.OK);
        view.addObject("version", state.version());
        return view;
    }

    @PostMapping("/{id}")
    ModelAndView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestParam Map<String, String> form, HttpServletRequest request) {
        Map<String, String> values = TenantForm.values(form, fieldsFor(caller, TenantForm.EDIT_FIELDS));
        Long version = ConsoleVersions.of(form.get("version"));
        try {
            TenantState updated = commands.send(new PatchTenant(id, version, TenantForm.patch(values)),
                    ChangeReasonRequest.of(request, form.get("change_reason")));
            return new ModelAndView(ConsoleRedirects.tenantPage(id, updated.version(), "updated"));
        } catch (InvalidTenantException e) {
            return edited(caller, id, values, version, e.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (IdentifierTakenException e) {
            return edited(caller, id, values, version, taken(e), HttpStatus.CONFLICT);
        } catch (StaleVersionException e) {
            TenantState current = states.of(id, caller.partnerId());
            ModelAndView view = form(caller, current, values, null, HttpStatus.PRECONDITION_FAILED);
            Map<String, String> theirs = TenantForm.of(current);
            Map<String, String> differing = new LinkedHashMap<>();
            theirs.forEach((name, value) -> {
                if (!value.equals(values.getOrDefault(name, ""))) {
                    differing.put(name, value);
                }
            });
            view.addObject("conflict", differing);
            view.addObject("conflictVersion", current.version());
            // Saving again now overwrites their change, as one who has seen it decides to.
            view.addObject("version", current.version());
            return view;
        }
    }

    private ModelAndView edited(Caller caller, UUID id, Map<String, String> values, Long version,
                                Map<String, String> errors, HttpStatus status) {
        ModelAndView view = form(caller, states.of(id, caller.partnerId()), values, errors, status);
        view.addObject("version", version);
        return view;
    }

    /**
     * An MSP admin's tenants are its partner's, which the API decides from its token: its form has no partner field,
     * so that neither a create nor an edit sends one.
     */
    private static List<TenantForm.Field> fieldsFor(Caller caller, List<TenantForm.Field> fields) {
        return caller.partnerId() == null ? fields
                : fields.stream().filter(field -> !field.name().equals("partner_id")).toList();
    }

    private static Map<String, String> taken(IdentifierTakenException e) {
        return Map.of(e.field(), "has already been taken (by another tenant, or it is still quarantined)");
    }

    private static ModelAndView form(Caller caller, TenantState tenant, Map<String, String> values,
                                     Map<String, String> errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("console/tenant-form", status);
        List<TenantForm.Field> fields = tenant == null ? TenantForm.FIELDS : TenantForm.EDIT_FIELDS;
        view.addObject("caller", caller);
        view.addObject("tenant", tenant);
        view.addObject("fields", fieldsFor(caller, fields));
        view.addObject("values", values);
        view.addObject("errors", errors);
        return view;
    }
}
