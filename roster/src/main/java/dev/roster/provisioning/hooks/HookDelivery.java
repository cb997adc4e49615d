package dev.roster.provisioning.hooks;

import java.time.Instant;
import java.util.List;

/**
 * An Okta event-hook delivery, parsed: the envelope's {@code eventId} and its events, each reduced
 * to what Roster needs. Event content is never applied: an event is a ping to re-read the user.
 *
 * @param eventId null when Okta did not send one (then events dedupe on their uuid alone)
 */
record HookDelivery(String eventId, List<Event> events) {

    /**
     * @param userId        the target whose {@code type} is {@code User}, or null
     * @param appInstanceId the target whose {@code type} is {@code AppInstance}, or null
     */
    record Event(String uuid, String eventType, Instant published, String userId, String appInstanceId) {
    }
}
