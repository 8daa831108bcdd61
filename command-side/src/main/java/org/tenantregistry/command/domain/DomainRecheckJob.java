package org.tenantregistry.command.domain;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.support.schedule.FixedDelaySchedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Checks verified domains again when their re-check is due, so that a domain whose DNS no longer points to the
 * platform stops being served as the tenant's after a few failed checks in a row. The schedule is in the database
 * ({@link DomainRechecks}); this only looks for what is due, every {@code recheck-scan}.
 */
@Component
public class DomainRecheckJob implements SmartLifecycle {

    /** Who acts on the events of a re-check, for the auditors. */
    static final String ACTOR = "system:domain-recheck";

    private static final Logger log = LoggerFactory.getLogger(DomainRecheckJob.class);
    private static final int BATCH = 50;

    private final DomainRechecks rechecks;
    private final DomainVerification verification;
    private final CommandGateway commands;
    private final DomainProperties properties;
    private final Clock clock;
    private final FixedDelaySchedule schedule = new FixedDelaySchedule("domain-recheck");

    DomainRecheckJob(DomainRechecks rechecks, DomainVerification verification, CommandGateway commands,
                     DomainProperties properties, Clock clock) {
        this.rechecks = rechecks;
        this.verification = verification;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks every domain whose re-check is due now; answers how many it checked. */
    public int recheckDue() {
        int checked = 0;
        List<DomainRechecks.Due> due;
        do {
            Instant now = clock.instant();
            // a check that dies half-way (a crash) is taken again one interval later, like a passing one
            due = rechecks.takeDue(now, BATCH, now.plus(properties.recheckInterval()));
            due.forEach(this::recheck);
            checked += due.size();
        } while (due.size() == BATCH);
        return checked;
    }

    private void recheck(DomainRechecks.Due due) {
        try {
            VerifyDomain command = verification.verification(due.tenantId(), due.domainId(), null);
            if (Thread.currentThread().isInterrupted()) {
                // stopping: the lookups were cut short, and what they saw says nothing about the domain
                return;
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with(CommandMetadata.ACTOR, ACTOR)));
        } catch (RuntimeException e) {
            Throwable cause = causeOf(e);
            if (cause instanceof AggregateNotFoundException || cause instanceof DomainNotFoundException) {
                // the tenant was purged or the domain removed since the check was scheduled
                rechecks.cancel(due.domainId());
            } else if (!(cause instanceof IllegalTransitionException)) {
                // (a deleted tenant: the re-check comes round again after an interval and passes once it is restored)
                log.warn("Re-check of domain {} of tenant {} failed, next try in {}: {}", due.domainId(),
                        due.tenantId(), properties.recheckInterval(), cause.toString());
            }
        }
    }

    /** What the tenant threw, whatever the command bus wrapped it in. */
    private static Throwable causeOf(RuntimeException e) {
        Throwable cause = e;
        while ((cause instanceof CommandExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void recheckAndCarryOn() {
        try {
            recheckDue();
        } catch (RuntimeException e) {
            log.warn("Looking for due domain re-checks failed, next try in {}: {}", properties.recheckScan(),
                    e.toString());
        }
    }

    @Override
    public void start() {
        if (properties.recheckScan().toMillis() > 0) {
            schedule.start(this::recheckAndCarryOn, properties.recheckScan(), properties.recheckScan());
        }
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
