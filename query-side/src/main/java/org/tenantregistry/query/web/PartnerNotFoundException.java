package org.tenantregistry.query.web;

/** A partner whose figures the caller may not see: for an MSP admin, every partner but its own. */
class PartnerNotFoundException extends RuntimeException {

    PartnerNotFoundException(String partnerId) {
        super("No partner '" + partnerId + "'");
    }
}
