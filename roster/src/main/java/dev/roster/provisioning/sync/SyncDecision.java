package dev.roster.provisioning.sync;

import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;

/**
 * The decision at the heart of provisioning, as a pure function of what Okta says and which local
 * people match. {@code docs/SYNC-STATES.md} is its table; each row is a unit test.
 */
public final class SyncDecision {

    private SyncDecision() {
    }

    /** What to do with one Okta user. */
    public sealed interface Action {
    }

    /** No local person matches: create one. */
    public record Create() implements Action {
    }

    /** Refresh the person's fields; {@code link} stores the Okta id, {@code reactivate} undoes Okta's deactivation. */
    public record Update(PersonView target, boolean link, boolean reactivate) implements Action {
    }

    public record Deactivate(PersonView target, String reason) implements Action {
    }

    /** Nothing to write; {@code target} may be null. */
    public record Ignore(PersonView target, String reason) implements Action {
    }

    /** Refuse and record a conflict; nothing is written. */
    public record Refuse(PersonView target, String reason) implements Action {
    }

    /**
     * @param byOktaId the person linked to this Okta id, if any
     * @param byEmail  the person whose email is the user's Okta email, if any
     */
    public static Action decide(Observation okta, String mappedEmail, PersonView byOktaId, PersonView byEmail) {
        String absent = okta.absentReason();
        if (absent != null) {
            if (byOktaId == null) {
                return new Ignore(null, absent + "; no person is linked to this Okta user");
            }
            return byOktaId.person().status() == PersonStatus.DEACTIVATED
                    ? new Ignore(byOktaId, absent + "; already deactivated")
                    : new Deactivate(byOktaId, absent);
        }
        if (byOktaId != null) {
            if (byEmail != null && !byEmail.id().equals(byOktaId.id())) {
                return new Refuse(byOktaId, "Okta's email " + mappedEmail + " belongs to another person here");
            }
            return new Update(byOktaId, false, deactivatedByOkta(byOktaId));
        }
        if (mappedEmail == null) {
            return new Refuse(null, "Okta has no usable email for this user");
        }
        if (byEmail != null) {
            if (byEmail.person().oktaId() != null) {
                return new Refuse(byEmail, byEmail.person().email() + " is linked to another Okta user ("
                        + byEmail.person().oktaId() + ")");
            }
            return new Update(byEmail, true, false);
        }
        return new Create();
    }

    private static boolean deactivatedByOkta(PersonView person) {
        return person.person().status() == PersonStatus.DEACTIVATED && "okta".equals(person.person().deactivatedBy());
    }
}
