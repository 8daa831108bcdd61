package org.tenantregistry.events;

/**
 * One way an existing topic breaks {@link TopicRequirements}, with the way to fix it.
 *
 * @param severity {@link Severity#REFUSE} when the topic would lose or refuse events, {@link Severity#WARN} when it
 *                 merely protects them less than it should
 * @param topic    the topic's name
 * @param setting  the setting at fault, such as {@code retention.ms}
 * @param found    its value on the broker
 * @param problem  what that value does to the events
 * @param fix      what to run or change
 */
public record TopicFinding(Severity severity, String topic, String setting, String found, String problem, String fix) {

    public enum Severity { REFUSE, WARN }

    /** The finding as one line for a log or a start-up failure: topic, setting, value, consequence and fix. */
    public String line() {
        return "Topic " + topic + ": " + setting + " is " + found + ", " + problem + ". Fix: " + fix;
    }
}
