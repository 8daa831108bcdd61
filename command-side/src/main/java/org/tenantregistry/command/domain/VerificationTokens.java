package org.tenantregistry.command.domain;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Verification tokens: unguessable, so that only who can write the domain's DNS can prove control of it. */
@Component
public class VerificationTokens {

    private static final int RANDOM_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return "trv-" + HexFormat.of().formatHex(bytes);
    }
}
