package org.tenantregistry.support.kafka;

import org.tenantregistry.events.TopicFinding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The topic exists with settings that would lose or refuse events: the side does not start on it (the command side
 * publishes nothing to it, the query side reads nothing from it).
 */
public class TopicRefusedException extends RuntimeException {

    private final String topicProperty;

    /** @param topicProperty the setting that names the topic, for the fix the start-up failure suggests */
    public TopicRefusedException(List<TopicFinding> findings, String topicProperty) {
        super(findings.stream().map(TopicFinding::line).collect(Collectors.joining(System.lineSeparator())));
        this.topicProperty = topicProperty;
    }

    public String topicProperty() {
        return topicProperty;
    }
}
