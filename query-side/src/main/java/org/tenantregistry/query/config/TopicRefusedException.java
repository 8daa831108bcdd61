package org.tenantregistry.query.config;

import org.tenantregistry.events.TopicFinding;

import java.util.List;
import java.util.stream.Collectors;

/** The topic exists with settings that would lose or refuse events: the query side does not start on it. */
public class TopicRefusedException extends RuntimeException {

    TopicRefusedException(List<TopicFinding> findings) {
        super(findings.stream().map(TopicFinding::line).collect(Collectors.joining(System.lineSeparator())));
    }
}
