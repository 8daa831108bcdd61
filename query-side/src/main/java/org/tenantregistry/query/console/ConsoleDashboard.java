package org.tenantregistry.query.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.query.domain.DomainCounts;
import org.tenantregistry.query.domain.DomainLedger;
import org.tenantregistry.query.statistics.MspDashboard;
import org.tenantregistry.query.statistics.MspDashboardQueries;
import org.tenantregistry.query.statistics.MspDashboardQuery;
import org.tenantregistry.support.security.Caller;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MSP dashboard as a page: the figures of {@code GET /api/dashboard/msp}, each chart with its numbers in a table
 * beside it (the table is what a screen reader reads, and what shows without the script). An MSP admin sees its own
 * partner's figures whatever it asks for; the registry's admin may narrow them to a partner.
 */
@Controller
@RequestMapping("/console/dashboard")
class ConsoleDashboard {

    private final MspDashboardQueries queries;
    private final DomainLedger domains;
    private final JsonMapper json;

    ConsoleDashboard(MspDashboardQueries queries, DomainLedger domains, JsonMapper json) {
        this.queries = queries;
        this.domains = domains;
        this.json = json;
    }

    /** One chart's data: its kind (an ECharts series type), labels and values, the table's rows in order. */
    record Chart(String kind, List<String> labels, List<Long> values) {
    }

    @GetMapping
    ModelAndView dashboard(@AuthenticationPrincipal Caller caller,
                           @RequestParam(name = "partner_id", required = false) String partnerId) {
        String asked = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        String partner = caller.partnerId() != null ? caller.partnerId() : asked;
        MspDashboard dashboard = queries.dashboard(new MspDashboardQuery(partner));
        DomainCounts domainCounts = domains.countsByState(partner);

        Map<String, Long> byStatus = new LinkedHashMap<>();
        dashboard.byStatus().forEach((status, count) -> byStatus.put(status.wireName(), count));
        Map<String, Long> byPartner = new LinkedHashMap<>();
        dashboard.byPartner().forEach(count -> byPartner.put(count.partnerId() == null ? "(none)" : count.partnerId(),
                count.tenants()));
        Map<String, Long> byCountry = new LinkedHashMap<>();
        dashboard.byCountry().forEach(count -> byCountry.put(
                count.countryCode() == null ? "(none)" : count.countryCode(), count.tenants()));
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        dashboard.createdPerDay().forEach(day -> perDay.put(day.date(), day.tenants()));
        Map<String, Long> domainStates = new LinkedHashMap<>();
        domainStates.put("pending", domainCounts.pending());
        domainStates.put("verified", domainCounts.verified());
        domainStates.put("expired", domainCounts.expired());

        ModelAndView view = new ModelAndView("console/dashboard");
        view.addObject("caller", caller);
        view.addObject("partner", partner);
        view.addObject("dashboard", dashboard);
        view.addObject("byStatus", byStatus);
        view.addObject("byPartner", byPartner);
        view.addObject("byCountry", byCountry);
        view.addObject("perDay", perDay);
        view.addObject("domainStates", domainStates);
        view.addObject("charts", Map.of(
                "status-chart", chart("pie", byStatus),
                "partner-chart", chart("bar", byPartner),
                "country-chart", chart("bar", byCountry),
                "growth-chart", chart("line", perDay),
                "domain-chart", chart("pie", domainStates)));
        return view;
    }

    /**
     * The chart's data as JSON for a {@code <script type="application/json">}: {@code <} is escaped, so that no value
     * (a partner's id is the caller's text) can end the script element.
     */
    private String chart(String kind, Map<?, Long> counts) {
        Chart chart = new Chart(kind, counts.keySet().stream().map(String::valueOf).toList(),
                List.copyOf(counts.values()));
        return json.writeValueAsString(chart).replace("<", "\\u003c");
    }
}
