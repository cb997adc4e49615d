package dev.roster.provisioning;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.roster.common.NotFoundException;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.PersonView;
import dev.roster.provisioning.internal.UserSyncByEmail;

/**
 * "Sync this person now": refreshes one person from Okta — by their Okta id, or, for a person
 * not linked yet, by finding them in Okta with their email.
 */
@Service
public class PersonSync {

    private final DirectorySync directory;
    private final OktaUserSync sync;
    private final UserSyncByEmail byEmail;

    PersonSync(DirectorySync directory, OktaUserSync sync, UserSyncByEmail byEmail) {
        this.directory = directory;
        this.sync = sync;
        this.byEmail = byEmail;
    }

    public SyncOutcome syncNow(UUID accountId, UUID personId) {
        PersonView person = directory.byId(accountId, personId)
                .orElseThrow(() -> new NotFoundException("No such person."));
        if (person.person().oktaId() != null) {
            return sync.syncUser(accountId, person.person().oktaId());
        }
        return byEmail.sync(accountId, person.person().email())
                .orElse(new SyncOutcome.Skipped(personId, "no Okta user has the email " + person.person().email()));
    }
}
