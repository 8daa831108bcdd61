package org.tenantregistry.command.audit;

/**
 * One row of the event store as an auditor's export has it: what the chain is computed from.
 *
 * @param tenantId    {@code aggregate_identifier}
 * @param sequence    {@code sequence_number}
 * @param payloadType {@code payload_type}, the event record's class name
 * @param timeStamp   {@code time_stamp}, as Axon wrote it ({@code 2026-12-04T09:30:00.120Z}, always milliseconds)
 * @param payload     {@code payload}, the event's JSON
 * @param metaData    {@code meta_data}, a JSON object (null when the row has none)
 */
public record StoredEvent(String tenantId, long sequence, String payloadType, String timeStamp, byte[] payload,
                          byte[] metaData) {
}
