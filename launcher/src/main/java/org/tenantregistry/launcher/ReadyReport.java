package org.tenantregistry.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tenantregistry.launcher.kafka.KafkaBroker;
import org.tenantregistry.launcher.security.LocalCredentials;
import org.tenantregistry.launcher.side.SideProcess;

/**
 * Waits until Kafka is up and both sides are healthy, then has the sides restarted whenever they exit, and tells where
 * everything is and how to stop it; says so when it stops.
 */
@Component
class ReadyReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReadyReport.class);

    private final LauncherProperties properties;
    private final SideProcess commandSide;
    private final SideProcess querySide;
    private final KafkaBroker kafka;
    private final LocalCredentials credentials;

    ReadyReport(LauncherProperties properties, SideProcess commandSide, SideProcess querySide, KafkaBroker kafka,
                LocalCredentials credentials) {
        this.properties = properties;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.kafka = kafka;
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        kafka.awaitStarted();
        log.info("Kafka is listening on {}", kafka.bootstrapServers());
        log.info("Waiting for command-side and query-side to become healthy");
        commandSide.awaitHealthy(properties.startupTimeout());
        querySide.awaitHealthy(properties.startupTimeout());
        commandSide.keepRunning();
        querySide.keepRunning();
        String base = "http://localhost:" + properties.gatewayPort();
        log.info("""
                tenant-registry is ready.
                  API          {}/api/tenants
                  Swagger UI   {}/swagger-ui.html
                  Console      {}/console (the admin login)
                  Health       {}/actuator/health (command side), {}/actuator/health (query side)
                  Kafka        {} (topic tenant-events)
                  Data         {}
                  Credentials  {}
                Press Ctrl-C to stop.""",
                base, base, base, commandSide.baseUri(), querySide.baseUri(), kafka.bootstrapServers(),
                properties.dataDirectory().toAbsolutePath().normalize(), credentials.credentialsFile());
        if (credentials.createdNow()) {
            showOnce(base);
        }
    }

    /** The first start's credentials: shown now and never again (they stay in the credentials file). */
    private void showOnce(String base) {
        log.info("""
                First start: the registry made its own credentials (no password is fixed in advance). \
                They are shown this once; they stay in {} (readable by you alone).
                  Admin login     {} / {}   (the console at {}/console, or POST /api/admin/login)
                  Service client  {} / {}
                  Get a token:
                    curl -s -u {}:{} -d grant_type=client_credentials {}/oauth2/token""",
                credentials.credentialsFile(),
                LocalCredentials.ADMIN, credentials.adminPassword(), base,
                LocalCredentials.SERVICE_CLIENT, credentials.clientSecret(),
                LocalCredentials.SERVICE_CLIENT, credentials.clientSecret(), base);
    }

    /**
     * Before anything stops: the sides, then Kafka and PostgreSQL, take a few seconds. A side that exits from now on
     * (Ctrl-C reaches the sides' JVMs too) is not restarted.
     */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        commandSide.stopRestarting();
        querySide.stopRestarting();
        log.info("Stopping tenant-registry: the sides, then Kafka and PostgreSQL");
    }
}
