package org.tenantregistry.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.command.audit.ChainWriter;

/**
 * The event chain's processor: subscribing, so that the link is written in the transaction of the event's append,
 * and failing loudly, so that an event that could not be linked is not committed either (Axon's default for event
 * handlers logs the error and commits the command anyway).
 */
@Configuration(proxyBeanMethods = false)
class EventChainConfiguration {

    @Bean
    ConfigurerModule eventChainProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(ChainWriter.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ChainWriter.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(ChainWriter.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
