package org.tenantregistry.query.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.tenantregistry.events.TopicFinding;
import org.tenantregistry.events.TopicRequirements;
import org.tenantregistry.support.kafka.TopicRefusedException;
import org.tenantregistry.support.kafka.TopicSettingsReader;

import java.util.List;
import java.util.Optional;

/**
 * The topic the projections read, held to {@link TopicRequirements} (those of a reader: it configures no partitions).
 * At start-up, before the listeners and the web server start, a topic that would lose history stops the start. A topic
 * that does not exist yet is no error: the command side creates it, and the listeners, which never create topics,
 * read it from the moment it exists; health shows the wait. A broker that is away is no error either: reads are served
 * from the read models, and health shows it.
 */
class TenantEventsTopicCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantEventsTopicCheck.class);

    private final String topic;
    private final TopicSettingsReader settings;
    private final TopicRequirements requirements;

    TenantEventsTopicCheck(String topic, TopicSettingsReader settings, TopicRequirements requirements) {
        this.topic = topic;
        this.settings = settings;
        this.requirements = requirements;
    }

    String topic() {
        return topic;
    }

    /**
     * @return the broken rules, empty when there are none; empty Optional when the topic does not exist
     * @throws IllegalStateException when the broker does not answer
     */
    Optional<List<TopicFinding>> findings() {
        return settings.read(topic).map(requirements::check);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<List<TopicFinding>> findings;
        try {
            findings = findings();
        } catch (IllegalStateException e) {
            log.warn("Topic {} not checked at start-up: {}", topic, e.getMessage());
            return;
        }
        if (findings.isEmpty()) {
            log.warn("Topic {} does not exist yet: the projections read it once the command side has created it",
                    topic);
            return;
        }
        List<TopicFinding> refusals = refusals(findings.get());
        if (!refusals.isEmpty()) {
            refusals.forEach(finding -> log.error(finding.line()));
            throw new TopicRefusedException(refusals, "tenant-registry.query.topic");
        }
        findings.get().forEach(finding -> log.warn(finding.line()));
    }

    static List<TopicFinding> refusals(List<TopicFinding> findings) {
        return findings.stream().filter(finding -> finding.severity() == TopicFinding.Severity.REFUSE).toList();
    }
}
