package org.tenantregistry.command.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.domain.AddCustomDomain;
import org.tenantregistry.command.domain.DomainQuotaExceededException;
import org.tenantregistry.command.domain.DomainState;
import org.tenantregistry.command.domain.DomainStateConflictException;
import org.tenantregistry.command.domain.DomainTokenExpiredException;
import org.tenantregistry.command.domain.DomainVerification;
import org.tenantregistry.command.domain.VerificationTokens;
import org.tenantregistry.command.domain.VerifyDomain;
import org.tenantregistry.command.tenant.ActivateTenant;
import org.tenantregistry.command.tenant.ChangeSlug;
import org.tenantregistry.command.tenant.DeactivateTenant;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.ReactivateTenant;
import org.tenantregistry.command.tenant.RestoreTenant;
import org.tenantregistry.command.tenant.StaleVersionException;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.web.CommandDispatcher;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.support.security.Caller;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant page's buttons: the lifecycle transitions, the slug, and custom domains, each the command its API
 * endpoint sends, through the same dispatcher. Each form carries the version the page showed (If-Match); a refusal
 * shows the form again with what the command said, beside the field it is about, and never retries on its own.
 */
@Controller
@RequestMapping("/console/tenants/{id}")
class ConsoleTenantActions {

    /**
     * One of the page's forms, to show again after a refusal.
     *
     * @param field its one input (null for a button alone), with its label
     */
    record Action(String path, String title, String button, String field, String label) {
    }

    /** What a write left: the tenant's version, and which write it was (the next page's notice). */
    record Written(long version, String done) {
    }

    private static final Action SUSPEND = new Action("suspend", "Suspend the tenant", "Suspend", "reason",
            "Reason for the suspension");
    private static final Action REACTIVATE = new Action("reactivate", "Reactivate the tenant", "Reactivate", null, null);
    private static final Action DEACTIVATE = new Action("deactivate", "Deactivate the tenant", "Deactivate",
            "user_status", "Members become (0 passive, 1 active, 2 banned)");
    private static final Action ACTIVATE = new Action("activate", "Activate the tenant", "Activate", null, null);
    private static final Action DELETE = new Action("delete", "Delete the tenant", "Delete", null, null);
    private static final Action RESTORE = new Action("restore", "Restore the tenant", "Restore", null, null);
    private static final Action SLUG = new Action("slug", "Change the slug", "Change slug", "slug", "New slug");
    private static final Action ADD_DOMAIN = new Action("domains", "Add a custom domain", "Add domain", "domain",
            "Domain");

    private final CommandDispatcher commands;
    private final DomainVerification verification;
    private final VerificationTokens tokens;
    private final Clock clock;

    ConsoleTenantActions(CommandDispatcher commands, DomainVerification verification, VerificationTokens tokens,
                         Clock clock) {
        this.commands = commands;
        this.verification = verification;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping("/suspend")
    ModelAndView suspend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, SUSPEND, form, () -> new Written(commands.send(new SuspendTenant(id,
                ConsoleVersions.of(form.get("version")), form.get("reason")), reasoned(request, form)).version(), "suspended"));
    }

    @PostMapping("/reactivate")
    ModelAndView reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, REACTIVATE, form, () -> new Written(commands.send(
                new ReactivateTenant(id, ConsoleVersions.of(form.get("version"))), reasoned(request, form)).version(), "reactivated"));
    }

    @PostMapping("/deactivate")
    ModelAndView deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, DEACTIVATE, form, () -> new Written(commands.send(new DeactivateTenant(id,
                ConsoleVersions.of(form.get("version")), memberStatus(form.get("user_status"))),
                reasoned(request, form)).version(), "deactivated"));
    }

    @PostMapping("/activate")
    ModelAndView activate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                          @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, ACTIVATE, form, () -> new Written(commands.send(
                new ActivateTenant(id, ConsoleVersions.of(form.get("version"))), reasoned(request, form)).version(), "activated"));
    }

    @PostMapping("/delete")
    ModelAndView delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, DELETE, form, () -> new Written(commands.send(
                new DeleteTenant(id, ConsoleVersions.of(form.get("version"))), reasoned(request, form)).version(), "deleted"));
    }

    @PostMapping("/restore")
    ModelAndView restore(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, RESTORE, form, () -> new Written(commands.send(
                new RestoreTenant(id, ConsoleVersions.of(form.get("version"))), reasoned(request, form)).version(), "restored"));
    }

    @PostMapping("/slug")
    ModelAndView slug(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, SLUG, form, () -> new Written(commands.send(new ChangeSlug(id,
                ConsoleVersions.of(form.get("version")), form.getOrDefault("slug", "")), reasoned(request, form))
                .version(), "slug"));
    }

    @PostMapping("/domains")
    ModelAndView addDomain(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                           @RequestParam Map<String, String> form, HttpServletRequest request) {
        return attempt(caller, id, ADD_DOMAIN, form, () -> {
            AddCustomDomain command = new AddCustomDomain(id, UUID.randomUUID(), form.getOrDefault("domain", ""),
                    tokens.next(), clock.instant());
            return new Written(commands.retried(() -> commands.domain(command, reasoned(request, form))).version(),
                    "domain-added");
        });
    }

    @PostMapping("/domains/{did}/verify")
    ModelAndView verify(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID did,
                        @RequestParam Map<String, String> form, HttpServletRequest request) {
        Action action = new Action("domains/" + did + "/verify", "Verify the domain", "Verify now", null, null);
        return attempt(caller, id, action, form, () -> {
            VerifyDomain command = verification.verification(id, did, caller.partnerId());
            DomainState checked = commands.retried(() -> commands.domain(command, reasoned(request, form)));
            return new Written(checked.version(), checked.domain().verified() ? "domain-verified" : "domain-not-verified");
        });
    }

    /** The form's optional "why", as the API's X-Change-Reason. */
    private static HttpServletRequest reasoned(HttpServletRequest request, Map<String, String> form) {
        return ChangeReasonRequest.of(request, form.get("change_reason"));
    }

    /** The deactivation's member status by its code, as the API's body gives it; anything else is the field's error. */
    private static MemberStatus memberStatus(String code) {
        try {
            return MemberStatus.fromCode(Integer.parseInt(code == null ? "" : code.strip()));
        } catch (IllegalArgumentException e) {
            throw InvalidTenantException.of("user_status", "must be 0 (passive), 1 (active) or 2 (banned)");
        }
    }

    /** The write, then the tenant's page at the version it left; or the form again with what refused it. */
    private ModelAndView attempt(Caller caller, UUID id, Action action, Map<String, String> form,
                                 Supplier<Written> write) {
        try {
            Written written = write.get();
            return new ModelAndView(ConsoleRedirects.tenantPage(id, written.version(), written.done()));
        } catch (InvalidTenantException e) {
            return refused(caller, id, action, form, null, e.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (IdentifierTakenException e) {
            return refused(caller, id, action, form, null, Map.of(e.field(),
                    "has already been taken (by another tenant, or it is still quarantined)"), HttpStatus.CONFLICT);
        } catch (StaleVersionException e) {
            return refused(caller, id, action, form, "Someone changed the tenant since this page was loaded (it is at "
                    + "version " + e.currentVersion() + " now): nothing was changed. Look at the tenant again, "
                    + "then decide.", null, HttpStatus.PRECONDITION_FAILED);
        } catch (IllegalTransitionException | DomainQuotaExceededException | DomainTokenExpiredException
                 | DomainStateConflictException e) {
            return refused(caller, id, action, form, "Refused: " + e.getMessage() + ".", null, HttpStatus.CONFLICT);
        }
    }

    private static ModelAndView refused(Caller caller, UUID id, Action action, Map<String, String> form,
                                        String message, Map<String, String> errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("console/action", status);
        view.addObject("caller", caller);
        view.addObject("tenantId", id);
        view.addObject("action", action);
        view.addObject("value", action.field() == null ? null : form.getOrDefault(action.field(), ""));
        view.addObject("version", form.get("version"));
        view.addObject("message", message);
        view.addObject("errors", errors);
        return view;
    }
}
