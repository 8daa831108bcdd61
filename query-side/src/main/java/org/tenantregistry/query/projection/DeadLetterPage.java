package org.tenantregistry.query.projection;

import java.util.List;

public record DeadLetterPage(List<DeadLetter> deadLetters, long total) {

    public DeadLetterPage {
        deadLetters = List.copyOf(deadLetters);
    }
}
