package dev.roster.provisioning.internal;

import java.util.List;

import dev.roster.provisioning.SyncOutcome;

/** One Okta user's sync: the outcome, plus mapping problems that did not stop the rest. */
record UserResult(String oktaId, SyncOutcome outcome, List<String> problems) {
}
