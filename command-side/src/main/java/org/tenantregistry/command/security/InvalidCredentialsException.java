package org.tenantregistry.command.security;

/** A login with a username or password that is not the admin's; which of the two is wrong is not told. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("The username or password is wrong.");
    }
}
