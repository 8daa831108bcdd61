package org.tenantregistry.support.kafka;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused because of the topic's settings: one line per broken rule, with its fix, and no stack trace. */
class TopicRefusedFailureAnalyzer extends AbstractFailureAnalyzer<TopicRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TopicRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the topic as shown and start again, or point "
                + cause.topicProperty() + " at a topic that keeps every event.", cause);
    }
}
