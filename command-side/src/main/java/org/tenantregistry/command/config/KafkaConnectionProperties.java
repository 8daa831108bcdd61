package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The brokers, under Spring's usual key so that deployments set them the way they do for any Spring application.
 * Spring Boot's own Kafka auto-configuration is not on the class path; this is the only binding of the key.
 */
@ConfigurationProperties("spring.kafka")
public record KafkaConnectionProperties(@DefaultValue("localhost:9092") List<String> bootstrapServers) {

    public String bootstrapServersAsString() {
        return String.join(",", bootstrapServers);
    }
}
