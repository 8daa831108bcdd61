package org.tenantregistry.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.launcher.gateway.Gateway;
import org.tenantregistry.launcher.gateway.Routes;
import org.tenantregistry.launcher.kafka.KafkaBroker;
import org.tenantregistry.launcher.security.LocalCredentials;
import org.tenantregistry.launcher.security.SideSecuritySettings;
import org.tenantregistry.launcher.side.Side;
import org.tenantregistry.launcher.side.SideProcess;
import org.tenantregistry.postgres.LocalPostgres;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the registry in the order they start; Spring stops them in the reverse order, so the sides are gone
 * before Kafka and PostgreSQL go. Kafka starts in the background, at the same time as PostgreSQL and the sides. PostgreSQL and Kafka take {@link LocalPorts} so that nothing starts before every
 * port is known to be free.
 */
@Configuration(proxyBeanMethods = false)
class LocalStackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalStackConfiguration.class);

    @Bean
    LocalPorts localPorts(LauncherProperties properties) {
        // Sides a killed launcher left behind hold ports of this data folder's stack: gone before the ports are checked.
        SideProcess.stopLeftovers(logDirectory(properties));
        LocalPorts ports = new LocalPorts(properties);
        ports.requireFree();
        return ports;
    }

    /**
     * The sides ask for it before PostgreSQL, so that it starts first, on a thread of its own, while PostgreSQL and
     * the sides' JVMs start: a side needs only its address at first, and copes with a broker that is not up yet.
     * {@link ReadyReport} waits for it.
     */
    @Bean(destroyMethod = "close")
    KafkaBroker kafka(LauncherProperties properties, LocalPorts freePorts) {
        Path directory = properties.dataDirectory().resolve("kafka").toAbsolutePath();
        log.info("Starting Kafka (KRaft), data in {}", directory);
        return KafkaBroker.startInBackground(directory, properties.kafkaPort(), properties.kafkaControllerPort());
    }

    @Bean(destroyMethod = "close")
    LocalPostgres postgres(LauncherProperties properties, LocalPorts freePorts) throws Exception {
        Path directory = properties.dataDirectory().resolve("postgres").toAbsolutePath();
        log.info("Starting PostgreSQL, data in {}", directory);
        LocalPostgres postgres = LocalPostgres.builder().dataDirectory(directory).start();
        log.info("PostgreSQL is listening on port {}", postgres.port());
        return postgres;
    }

    /** Made on the first start, read back on later ones; {@link ReadyReport} shows them once. */
    @Bean
    LocalCredentials localCredentials(LauncherProperties properties) {
        return LocalCredentials.loadOrCreate(properties.dataDirectory().resolve("security"));
    }

    /** Tokens name the gateway as their issuer: that is where clients get them, and where they use them. */
    @Bean
    SideSecuritySettings sideSecuritySettings(LauncherProperties properties, LocalCredentials localCredentials) {
        return new SideSecuritySettings(localCredentials, URI.create("http://localhost:" + properties.gatewayPort()));
    }

    @Bean(destroyMethod = "close")
    SideProcess commandSide(LauncherProperties properties, KafkaBroker kafka, LocalPostgres postgres,
                            SideSecuritySettings security) throws Exception {
        List<String> arguments = new ArrayList<>(security.tokenCheckArguments());
        // Behind the gateway, its Swagger UI lists the query side's API too.
        arguments.add("--spring.profiles.active=gateway");
        return start(Side.COMMAND, properties, properties.commandSidePort(), postgres, kafka, arguments,
                security.issuerEnvironment());
    }

    /**
     * It asks the command side for tenants' event keys directly, not through the gateway; it starts without waiting
     * for the command side, and retries the events that need a key until the command side answers.
     */
    @Bean(destroyMethod = "close")
    SideProcess querySide(LauncherProperties properties, KafkaBroker kafka, LocalPostgres postgres,
                          SideSecuritySettings security) throws Exception {
        List<String> arguments = new ArrayList<>(security.tokenCheckArguments());
        arguments.addAll(security.eventKeyArguments(URI.create("http://localhost:" + properties.commandSidePort())));
        return start(Side.QUERY, properties, properties.querySidePort(), postgres, kafka, arguments,
                security.eventKeyEnvironment());
    }

    @Bean(destroyMethod = "close")
    Gateway gateway(LauncherProperties properties, SideProcess commandSide, SideProcess querySide) throws Exception {
        return Gateway.start(properties.gatewayPort(), new Routes(commandSide.baseUri(), querySide.baseUri()));
    }

    private static Path logDirectory(LauncherProperties properties) {
        return properties.dataDirectory().resolve("logs").toAbsolutePath();
    }

    private static SideProcess start(Side side, LauncherProperties properties, int port, LocalPostgres postgres,
                                     KafkaBroker kafka, List<String> extraArguments,
                                     Map<String, String> environment) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.database(side.database()),
                "--spring.datasource.username=" + postgres.superuser(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        arguments.addAll(extraArguments);
        SideProcess process = SideProcess.start(side, properties.projectDirectory().toAbsolutePath().normalize(),
                logDirectory(properties), properties.sideJvmOptions(), port, arguments, environment);
        log.info("Started {}, log in {}", side.module(), process.log());
        return process;
    }
}
