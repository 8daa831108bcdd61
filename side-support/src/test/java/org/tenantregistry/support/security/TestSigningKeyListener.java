package org.tenantregistry.support.security;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes {@link TestTokens}' public key before the first test of a test JVM runs, so that every Spring context of the
 * sides' tests finds it where their test configuration says (registered in {@code META-INF/services}).
 */
public final class TestSigningKeyListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestTokens.writeKeys();
    }
}
