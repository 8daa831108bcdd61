package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tenantregistry.command.CommandSideApplication;
import org.tenantregistry.support.kafka.TopicRefusedException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side starts against a topic someone else created with the broker's default retention: it refuses to
 * start, saying which setting is wrong and how to fix it, before it accepts a single write. No Spring test context:
 * the application itself is started, and fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedTopicIT extends WithEmbeddedKafka {

    private static final long SEVEN_DAYS_MS = TimeUnit.DAYS.toMillis(7);

    @Test
    void aTopicThatDeletesEventsAfterSevenDaysStopsTheStartWithTheSettingAndItsFix(CapturedOutput output)
            throws Exception {
        String topic = "week-long-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("retention.ms", String.valueOf(SEVEN_DAYS_MS))))).all().get(10, TimeUnit.SECONDS);
        }
        String line = "Topic " + topic + ": retention.ms is 604800000 (7 days), so older events are deleted, and the"
                + " topic must keep every event. Fix: kafka-configs.sh --bootstrap-server " + kafka.getBrokersAsString()
                + " --alter --entity-type topics --entity-name " + topic + " --add-config retention.ms=-1";

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--tenant-registry.kafka.topic=" + topic))
                .isInstanceOf(TopicRefusedException.class).hasMessage(line);
        assertThat(output).contains("APPLICATION FAILED TO START").contains(line)
                .doesNotContain("Tomcat started on port");
    }
}
