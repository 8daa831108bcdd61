package org.tenantregistry.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.tenantregistry.query.tenant.FindTenants;
import org.tenantregistry.query.tenant.TenantPage;

import java.util.LinkedHashMap;
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

    /**
     * Takes what the links need from the current request, on the request's thread: the page itself may be read later
     * on another thread (a read waiting for min_version), where there is no current request.
     */
    Pages pages(int page, int perPage) {
        return new Pages(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(),
                new LinkedHashMap<>(request.getParameterMap()), page, perPage);
    }

    record Pages(String path, Map<String, String[]> parameters, int page, int perPage) {

        TenantPageResponse.Links links(long total) {
            long lastPage = lastPage(total);
            return new TenantPageResponse.Links(
                    pageUrl(1),
                    pageUrl(lastPage),
                    page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null,
                    page < lastPage ? pageUrl(page + 1) : null);
        }

        TenantPageResponse.Meta meta(FindTenants query, TenantPage found) {
            return meta(query.offset(), found.tenants().size(), found.total());
        }

        /** @param offset how many items come before this page; shown how many are on it */
        TenantPageResponse.Meta meta(long offset, int shown, long total) {
            boolean empty = shown == 0;
            long from = offset + 1;
            return new TenantPageResponse.Meta(page, empty ? null : from, empty ? null : from + shown - 1, perPage,
                    total, lastPage(total), path);
        }

        private long lastPage(long total) {
            return Math.max(1, (total + perPage - 1) / perPage);
        }

        /** Decoded parameters re-encoded once, so a search for "a b" does not come back as "a%2520b". */
        private String pageUrl(long number) {
            UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (!parameter.getKey().equals("page")) {
                    url.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
                }
            }
            return url.queryParam("page", number).encode().build().toUriString();
        }
    }
}
