package org.tenantregistry.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.tenantregistry.support.security.SessionCookie;

import java.util.List;
import java.util.function.Predicate;

/**
 * How a caller authenticates, as the side's document says it: a bearer JWT of the configured issuer, or the admin's
 * session cookie. Swagger UI's Authorize button offers both. Every operation needs one of them but the public ones,
 * whose requirement is emptied; 401 and 403 are described where a token is needed.
 */
public final class SecuritySchemesDocumentation {

    public static final String BEARER = "bearerAuth";
    public static final String SESSION = "sessionCookie";

    private SecuritySchemesDocumentation() {
    }

    /** @param isPublic the paths anyone may call, without a token */
    public static void describe(OpenAPI openApi, Predicate<String> isPublic) {
        openApi.getComponents()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("""
                                An access token of the registry's issuer (its own: POST /oauth2/token with a \
                                service client's credentials; or the identity provider it is configured for). \
                                Scopes: tenants:read, tenants:write, tenants:purge, audit:read, registry:admin; \
                                seed 003's tenants.manage counts as tenants:read and tenants:write."""))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name(SessionCookie.NAME).description("""
                                The admin's session, set by POST /api/admin/login. A write authenticated by it also \
                                sends the XSRF-TOKEN cookie's value in X-XSRF-TOKEN."""));
        openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(SESSION)));
        openApi.getPaths().forEach((path, item) -> {
            if (isPublic.test(path)) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }
}
