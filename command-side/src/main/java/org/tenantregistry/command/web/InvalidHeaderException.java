package org.tenantregistry.command.web;

/** A request header the API reads is present but unusable. */
class InvalidHeaderException extends RuntimeException {

    private final String header;

    InvalidHeaderException(String header, String problem) {
        super(header + " " + problem);
        this.header = header;
    }

    String header() {
        return header;
    }
}
