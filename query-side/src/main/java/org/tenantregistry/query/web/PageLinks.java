package org.tenantregistry.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.query.tenant.Total;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Laravel-style paginator links and meta for the current request: absolute URLs that keep every query parameter and
 * only change {@code page} (and {@code cursor}), so a client can follow them without knowing how they are built.
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
        return pages(page, perPage, Long.MAX_VALUE);
    }

    /** @param maxOffset the deepest offset a page number may reach; a page link beyond it is left out (null) */
    Pages pages(int page, int perPage, long maxOffset) {
        return new Pages(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(),
                new LinkedHashMap<>(request.getParameterMap()), page, perPage, maxOffset);
    }

    record Pages(String path, Map<String, String[]> parameters, int page, int perPage, long maxOffset) {

        /** Links by page number only, for a list whose total is exact and whose pages are all reachable. */
        TenantPageResponse.Links links(long total) {
            long lastPage = lastPage(total);
            return new TenantPageResponse.Links(pageUrl(1, null), pageUrl(lastPage, null), previous(lastPage),
                    page < lastPage ? pageUrl(page + 1, null) : null);
        }

        /**
         * Next carries the cursor of this page's last row, so following it reads the next rows off the sort index
         * however deep the list goes. Last is only known for an exact total, and left out (null, as Laravel's simple
         * paginator does) when the total is only a lower bound or the last page lies beyond the reachable offset.
         */
        TenantPageResponse.Links links(Total total, @Nullable String nextCursor) {
            Long lastPage = total.exact() ? lastPage(total.value()) : null;
            return new TenantPageResponse.Links(
                    pageUrl(1, null),
                    lastPage != null && reachable(lastPage) ? pageUrl(lastPage, null) : null,
                    previous(lastPage == null ? Long.MAX_VALUE : lastPage),
                    nextCursor == null ? null : pageUrl(page + 1, nextCursor));
        }

        TenantPageResponse.Meta meta(long offset, int shown, long total) {
            return meta(offset, shown, new Total(total, true));
        }

        /** @param offset how many items come before this page; shown how many are on it */
        TenantPageResponse.Meta meta(long offset, int shown, Total total) {
            boolean empty = shown == 0;
            long from = offset + 1;
            return new TenantPageResponse.Meta(page, empty ? null : from, empty ? null : from + shown - 1, perPage,
                    total.value(), total.exact() ? "eq" : "gte", total.exact() ? lastPage(total.value()) : null,
                    path);
        }

        private @Nullable String previous(long lastPage) {
            long previous = Math.min(page - 1, lastPage);
            return page > 1 && reachable(previous) ? pageUrl(previous, null) : null;
        }

        private boolean reachable(long number) {
            return (number - 1) * perPage <= maxOffset;
        }

        private long lastPage(long total) {
            return Math.max(1, (total + perPage - 1) / perPage);
        }

        /** Decoded parameters re-encoded once, so a search for "a b" does not come back as "a%2520b". */
        private String pageUrl(long number, @Nullable String cursor) {
            UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (!parameter.getKey().equals("page") && !parameter.getKey().equals("cursor")) {
                    url.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
                }
            }
            url.queryParam("page", number);
            if (cursor != null) {
                url.queryParam("cursor", cursor);
            }
            return url.encode().build().toUriString();
        }
    }
}
