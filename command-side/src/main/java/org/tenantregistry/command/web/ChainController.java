package org.tenantregistry.command.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.audit.ChainCheckpoints;
import org.tenantregistry.command.audit.ChainVerification;
import org.tenantregistry.command.audit.Checkpoint;
import org.tenantregistry.command.audit.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tamper evidence for auditors (README "Tamper evidence"): a tenant's hash chain recomputed from the event store, and
 * the checkpoints over every tenant's chain head.
 */
@RestController
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
class ChainController {

    private final ChainVerification verification;
    private final ChainCheckpoints checkpoints;

    ChainController(ChainVerification verification, ChainCheckpoints checkpoints) {
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @GetMapping(path = "/api/tenants/{id}/history/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a tenant's hash chain",
            description = "Recomputes the hash of every stored event of the tenant from the event store itself "
                    + "(payload, metadata, type and time) and compares it with the hash recorded when the event was "
                    + "appended. Answers whether all hold, the chain's head, the first link that does not with why, "
                    + "and the events whose payload verified as a recorded redaction. Purged tenants verify too.")
    @ApiResponse(responseCode = "200", description = "Verified, or the first broken link")
    VerificationAnswer verify(@PathVariable UUID id) {
        return verification.verify(id.toString()).map(VerificationAnswer::of)
                .orElseThrow(() -> new AggregateNotFoundException(id.toString(), "no events"));
    }

    @GetMapping(path = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the chain checkpoints, newest first",
            description = "Each checkpoint's root is SHA-256 over the chain heads of every tenant when it was taken "
                    + "(GET /api/audit/checkpoints/{checkpoint}/heads has them). Keep the roots outside the registry "
                    + "to check later exports against.")
    CheckpointsAnswer checkpoints(@Parameter(description = "how many, 1 to 100")
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return new CheckpointsAnswer(checkpoints.newest(limit).stream().map(CheckpointAnswer::of).toList());
    }

    // no "produces": a 404's problem details must not be refused for want of text/plain
    @GetMapping("/api/audit/checkpoints/{checkpoint}/heads")
    @Operation(summary = "The chain heads a checkpoint covers",
            description = "The exact text whose SHA-256 is the checkpoint's root: one line \"tenant_id sequence "
                    + "hash\" per tenant, sorted by tenant id, each ending in a newline.")
    @ApiResponse(responseCode = "200", description = "The heads",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    ResponseEntity<String> heads(@PathVariable long checkpoint) {
        String heads = checkpoints.byId(checkpoint).map(Checkpoint::heads)
                .orElseThrow(() -> new CheckpointNotFoundException(checkpoint));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(heads);
    }

    record VerificationAnswer(boolean verified,
                              @Schema(description = "the tenant's events in the event store") int events,
                              @Schema(description = "the recorded hash of the chain's last link") @Nullable String head,
                              @JsonProperty("first_broken") @Nullable BrokenLink firstBroken,
                              @Schema(description = "sequences whose payload verified as a recorded redaction")
                              List<Long> redactions) {

        static VerificationAnswer of(Verification verification) {
            Verification.Break broken = verification.firstBroken();
            return new VerificationAnswer(verification.verified(), verification.events(), verification.head(),
                    broken == null ? null
                            : new BrokenLink(broken.sequence(), broken.expected(), broken.found(), broken.why()),
                    verification.redactions());
        }
    }

    record BrokenLink(long sequence,
                      @Schema(description = "the hash the chain recorded for the event") @Nullable String expected,
                      @Schema(description = "the hash recomputed from the event store") @Nullable String found,
                      String why) {
    }

    record CheckpointsAnswer(List<CheckpointAnswer> checkpoints) {
    }

    record CheckpointAnswer(long id, @JsonProperty("created_at") Instant createdAt, int tenants, String root) {

        static CheckpointAnswer of(Checkpoint checkpoint) {
            return new CheckpointAnswer(checkpoint.id(), checkpoint.createdAt(), checkpoint.tenants(),
                    checkpoint.root());
        }
    }
}
