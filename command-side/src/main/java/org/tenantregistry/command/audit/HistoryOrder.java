package org.tenantregistry.command.audit;

/** Oldest first (the default) or newest first. */
public enum HistoryOrder {
    ASC, DESC
}
