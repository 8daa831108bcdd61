package org.tenantregistry.command.domain;

import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.events.DnsCheckOutcome;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule of proof: a domain is the tenant's when its CNAME points to the tenant's own host, or when
 * {@code _tenant-registry.<domain>} holds the token in a TXT record. A failure names what was seen and what to do,
 * since the admin reads it to fix their DNS.
 */
final class DomainChecks {

    private DomainChecks() {
    }

    static DnsCheck judge(String domain, String expectedCname, String token, DnsObservation seen) {
        DnsAnswer cname = seen.cname();
        DnsAnswer txt = seen.txt();
        String txtName = DnsCheck.txtNameOf(domain);
        List<String> cnameTargets = answered(cname);
        List<String> txtValues = answered(txt);
        if (cnameTargets.contains(expectedCname)) {
            return check(expectedCname, cnameTargets, txtName, txtValues, DnsCheckOutcome.VERIFIED,
                    domain + " is a CNAME for " + expectedCname);
        }
        if (txtValues.contains(token)) {
            return check(expectedCname, cnameTargets, txtName, txtValues, DnsCheckOutcome.VERIFIED,
                    txtName + " holds the verification token");
        }
        DnsCheckOutcome outcome;
        String detail;
        if (!cnameTargets.isEmpty()) {
            outcome = DnsCheckOutcome.WRONG_TARGET;
            detail = domain + " is a CNAME for " + String.join(", ", cnameTargets) + ", not for " + expectedCname
                    + ": point it to " + expectedCname;
        } else if (!txtValues.isEmpty()) {
            outcome = DnsCheckOutcome.WRONG_TOKEN;
            detail = txtName + " holds " + txtValues.stream().map(value -> "\"" + value + "\"")
                    .collect(Collectors.joining(", ")) + ", not the verification token " + token;
        } else if (either(cname, txt, DnsAnswer.Status.TIMEOUT)) {
            outcome = DnsCheckOutcome.TIMEOUT;
            detail = "no DNS server answered for " + domain + " in time; nothing was judged, verify again later";
        } else if (either(cname, txt, DnsAnswer.Status.SERVER_FAILURE)) {
            outcome = DnsCheckOutcome.SERVER_FAILURE;
            detail = "the DNS servers answered for " + domain + " with an error (SERVFAIL or REFUSED); "
                    + "check the domain's name servers, then verify again";
        } else if (cname.status() == DnsAnswer.Status.NXDOMAIN) {
            outcome = DnsCheckOutcome.NXDOMAIN;
            detail = domain + " does not exist in DNS: create a CNAME from " + domain + " to " + expectedCname
                    + ", or a TXT record " + txtName + " holding " + token;
        } else {
            outcome = DnsCheckOutcome.NO_RECORDS;
            detail = domain + " has no CNAME and " + txtName + " no TXT record: create a CNAME to " + expectedCname
                    + ", or a TXT record holding " + token;
        }
        return check(expectedCname, cnameTargets, txtName, txtValues, outcome, detail);
    }

    private static List<String> answered(DnsAnswer answer) {
        return answer.status() == DnsAnswer.Status.ANSWERED ? answer.values() : List.of();
    }

    private static boolean either(DnsAnswer cname, DnsAnswer txt, DnsAnswer.Status status) {
        return cname.status() == status || txt.status() == status;
    }

    private static DnsCheck check(String expectedCname, List<String> cnameTargets, String txtName,
                                  List<String> txtValues, DnsCheckOutcome outcome, String detail) {
        return new DnsCheck(expectedCname, cnameTargets, txtName, txtValues, outcome, detail);
    }
}
