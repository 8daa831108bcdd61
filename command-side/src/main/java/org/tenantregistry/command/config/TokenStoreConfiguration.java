package org.tenantregistry.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The tracking processors' tokens, with a serializer that can read them back. Axon's {@code ReplayToken} (the token
 * of a new processor since Axon 4.9, and of every reset) has a polymorphic {@code Object} field; Jackson 3's default
 * validator refuses to resolve it, so the general serializer writes the token but fails to read it when the processor
 * claims its segment again, and the processor shuts down. Only Axon's own token classes are allowed here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenStoreProperties.class, TokenStoreNodeProperties.class})
class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, TokenSchema tokenSchema,
                          TokenStoreProperties properties, TokenStoreNodeProperties node) {
        Jackson3Serializer tokenSerializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(
                        BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build()))
                .build();
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(tokenSerializer)
                .claimTimeout(properties.getClaimTimeout());
        if (node.nodeId() != null && !node.nodeId().isBlank()) {
            builder.nodeId(node.nodeId());
        }
        return builder.build();
    }
}
