package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentCreatesIT extends WebIntegrationTest {

    private static final int CLIENTS = 20;

    @Test
    void twentyConcurrentCreatesWithOneSlugGiveExactlyOneTenant() throws Exception {
        String slug = unique("race");
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"name\": \"Racer " + i + "\", \"slug\": \"" + slug + "\"}";
                answers.add(clients.submit(() -> {
                    Api client = new Api(port);
                    start.await();
                    return client.post(body);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Answer> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(CLIENTS - 1);
        } finally {
            clients.shutdownNow();
        }
        int created = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.tenantregistry.events.TenantCreated'
                           AND convert_from(payload, 'UTF8') LIKE ?""")
                .param("%\"slug\":\"" + slug + "\"%")
                .query(Integer.class).single();
        assertThat(created).isEqualTo(1);
    }
}
