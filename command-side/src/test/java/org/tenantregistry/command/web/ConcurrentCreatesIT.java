package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentCreatesIT extends WebIntegrationTest {

    private static final int CLIENTS = 20;

    @Test
    void twentyConcurrentCreatesWithOneSlugGiveExactlyOneTenant() throws Exception {
        String slug = unique("race");

        assertThat(race(i -> "{\"name\": \"Racer " + i + "\", \"slug\": \"" + slug + "\"}")).isEqualTo(1);
        assertThat(tenantsCreatedWith("\"slug\":\"" + slug + "\"")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentCreatesWithOneDomainAndSlugsOfTheirOwnGiveExactlyOneTenant() throws Exception {
        String slug = unique("domain-race");
        String domain = slug + ".example.com";

        assertThat(race(i -> "{\"name\": \"Racer " + i + "\", \"slug\": \"" + slug + "-" + i
                + "\", \"domain\": \"" + domain + "\"}")).isEqualTo(1);
        assertThat(tenantsCreatedWith("\"domain\":\"" + domain + "\"")).isEqualTo(1);
        // a loser's slug, claimed in the same statement as the domain it lost, was rolled back with it
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_claim WHERE kind = 'SLUG' AND value LIKE ?")
                .param(slug + "-%").query(Integer.class).single()).isEqualTo(1);
    }

    /** Sends the bodies at once from as many clients; answers how many were created, after checking the rest got 409. */
    private int race(IntFunction<String> bodies) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String body = bodies.apply(i);
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
            int created = (int) statuses.stream().filter(status -> status == 201).count();
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(CLIENTS - created);
            return created;
        } finally {
            clients.shutdownNow();
        }
    }

    private int tenantsCreatedWith(String jsonMember) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.tenantregistry.events.TenantCreated'
                           AND convert_from(payload, 'UTF8') LIKE ?""")
                .param("%" + jsonMember + "%")
                .query(Integer.class).single();
    }
}
