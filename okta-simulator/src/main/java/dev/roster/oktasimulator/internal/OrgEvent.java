package dev.roster.oktasimulator.internal;

import dev.roster.oktasimulator.OktaUser;

/** A change to the org that becomes one System Log event; groupId/groupName only for group events. */
public record OrgEvent(String eventType, OktaUser user, String groupId, String groupName, ChangeContext context,
        long published) {
}
