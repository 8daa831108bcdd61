package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The brokers and how to reach them, under Spring's usual keys so that deployments set them the way they do for any
 * Spring application. Spring Boot's own Kafka auto-configuration is not on the class path; this is the only binding
 * of the keys.
 *
 * @param properties Kafka client settings every client of this side gets, as {@code spring.kafka.properties.*} is for
 *                   Spring Boot's: e.g. {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}
 */
@ConfigurationProperties("spring.kafka")
public record KafkaConnectionProperties(@DefaultValue("localhost:9092") List<String> bootstrapServers,
                                        Map<String, String> properties) {

    public KafkaConnectionProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public String bootstrapServersAsString() {
        return String.join(",", bootstrapServers);
    }

    /** These settings over the client's own: the bootstrap servers and {@link #properties}. */
    public Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(own);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServersAsString());
        config.putAll(properties);
        return config;
    }
}
