package org.tenantregistry.launcher;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start into Spring Boot's "APPLICATION FAILED TO START" report: a description and an action,
 * no stack trace.
 */
class LaunchFailureAnalyzer extends AbstractFailureAnalyzer<LaunchFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LaunchFailedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
