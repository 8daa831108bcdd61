package org.tenantregistry.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.command.audit.ChainWriter;
import org.tenantregistry.command.erasure.Erasure;

import java.util.List;

/**
 * The processors whose work is part of an event's append: the event chain's link and a purge's erasure. Subscribing,
 * so that they run in the transaction of the append, and failing loudly, so that an event whose link or erasure
 * failed is not committed either (Axon's default for event handlers logs the error and commits the command anyway).
 */
@Configuration(proxyBeanMethods = false)
class AppendTransactionProcessors {

    private static final List<String> GROUPS = List.of(ChainWriter.PROCESSING_GROUP, Erasure.PROCESSING_GROUP);

    @Bean
    ConfigurerModule appendTransactionProcessing() {
        return configurer -> configurer.eventProcessing(processing -> GROUPS.forEach(group -> processing
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}
