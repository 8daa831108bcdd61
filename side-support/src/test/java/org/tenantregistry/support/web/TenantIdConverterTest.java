package org.tenantregistry.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIdConverterTest {

    private static final UUID TENANT = UUID.fromString("6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20");

    private final TenantIdConverter converter = new TenantIdConverter(
            number -> Optional.ofNullable(Map.of(1042, TENANT).get(number)));

    @SuppressWarnings("unused")
    void endpoint(@PathVariable UUID id, @PathVariable UUID resourceId, @PathVariable("id") UUID renamed) {
    }

    @Test
    void aNumberGivenToATenantIsThatTenantsId() {
        assertThat(converter.convert("1042")).isEqualTo(TENANT);
        assertThat(converter.convert(TENANT.toString())).isEqualTo(TENANT);
    }

    @Test
    void aNumberNobodyWasGivenIsAnUnknownTenant() {
        assertThatThrownBy(() -> converter.convert("7"))
                .isInstanceOf(TenantIdConverter.UnknownTenantNumberException.class)
                .hasMessage("No tenant has the number 7.");
    }

    @Test
    void onlyTheTenantIdOfAPathIsResolvedNotAResourcesId() throws NoSuchMethodException {
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);

        assertThat(converter.matches(text, parameter(0))).isTrue();
        assertThat(converter.matches(text, parameter(1))).isFalse();
        assertThat(converter.matches(text, parameter(2))).isTrue();
        assertThat(converter.matches(text, TypeDescriptor.valueOf(UUID.class))).isFalse();
    }

    private static TypeDescriptor parameter(int index) throws NoSuchMethodException {
        MethodParameter parameter = new MethodParameter(TenantIdConverterTest.class.getDeclaredMethod("endpoint",
                UUID.class, UUID.class, UUID.class), index);
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return new TypeDescriptor(parameter);
    }
}
