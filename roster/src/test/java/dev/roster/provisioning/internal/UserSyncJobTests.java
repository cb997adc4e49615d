package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** The lost-update race: an event that arrives while a job holds its Okta read makes the job run again. */
class UserSyncJobTests extends IntegrationTest {

    @Autowired
    UserSyncState state;

    @Test
    void runOnceWhenEventArrivesDuringOktaReadThenRunsAgain() {
        TestAccount acme = accounts.create();
        UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uRACE");
        state.requestAll(acme.id(), List.of("00uRACE"));
        OktaUserSync heldBetweenReadAndWrite = (accountId, oktaUserId) -> {
            // Okta has been read; now a newer event lands before the write.
            state.requestAll(accountId, List.of(oktaUserId));
            return new SyncOutcome.Skipped(null, "test");
        };
        assertThat(UserSyncJob.runOnce(request, heldBetweenReadAndWrite, state)).isTrue();
    }

    @Test
    void runOnceWhenNothingArrivesMeanwhileThenFinishes() {
        TestAccount acme = accounts.create();
        UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uCALM");
        state.requestAll(acme.id(), List.of("00uCALM"));
        OktaUserSync quiet = (accountId, oktaUserId) -> new SyncOutcome.Unchanged(UUID.randomUUID());
        assertThat(UserSyncJob.runOnce(request, quiet, state)).isFalse();
    }
}
