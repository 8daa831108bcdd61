package org.tenantregistry.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.tenantregistry.query.tenant.FindTenants;
import org.tenantregistry.query.tenant.TenantPage;

import java.util.Map;

/**
 * Laravel-style paginator links and meta for the current request: absolute URLs that keep every query parameter and
 * only change {@code page}, so a client can follow them without knowing how they are built.
 */
@Component
class PageLinks {

    private final HttpServletRequest request;

    PageLinks(HttpServletRequest request) {
        this.request = request;
    }

    TenantPageResponse.Links links(int page, int perPage, long total) {
        long lastPage = lastPage(total, perPage);
        return new TenantPageResponse.Links(
                pageUrl(1),
                pageUrl(lastPage),
                page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null,
                page < lastPage ? pageUrl(page + 1) : null);
    }

    TenantPageResponse.Meta meta(FindTenants query, TenantPage found) {
        boolean empty = found.tenants().isEmpty();
        long from = query.offset() + 1;
        return new TenantPageResponse.Meta(
                query.page(),
                empty ? null : from,
                empty ? null : from + found.tenants().size() - 1,
                query.perPage(),
                found.total(),
                lastPage(found.total(), query.perPage()),
                path().toUriString());
    }

    private static long lastPage(long total, int perPage) {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** Decoded parameters re-encoded once, so a search for "a b" does not come back as "a%2520b". */
    private String pageUrl(long page) {
        UriComponentsBuilder url = path();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("page")) {
                url.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
            }
        }
        return url.queryParam("page", page).encode().build().toUriString();
    }

    private static UriComponentsBuilder path() {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null);
    }
}
