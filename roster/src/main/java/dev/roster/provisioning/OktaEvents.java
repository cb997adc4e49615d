package dev.roster.provisioning;

import java.util.List;

/** The Okta event types Roster subscribes to: every change that can add, alter or remove a person. */
public final class OktaEvents {

    /** Tick these on the Okta event hook. */
    public static final List<String> SUBSCRIBED = List.of(
            "user.lifecycle.create", "user.lifecycle.activate", "user.lifecycle.reactivate",
            "user.lifecycle.deactivate", "user.lifecycle.suspend", "user.lifecycle.unsuspend",
            "user.lifecycle.delete.initiated", "user.account.update_profile",
            "application.user_membership.add", "application.user_membership.remove",
            "group.user_membership.add", "group.user_membership.remove");

    private OktaEvents() {
    }
}
