package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EffectiveManagerTests {

    private final UUID person = UUID.randomUUID();
    private final UUID override = UUID.randomUUID();
    private final UUID teamManager = UUID.randomUUID();

    @Test
    void ofWhenOverrideSetThenOverrideWinsOverTeamManager() {
        assertThat(EffectiveManager.of(person, override, teamManager)).isEqualTo(override);
    }

    @Test
    void ofWhenNoOverrideThenPrimaryTeamManager() {
        assertThat(EffectiveManager.of(person, null, teamManager)).isEqualTo(teamManager);
    }

    @Test
    void ofWhenNeitherThenNone() {
        assertThat(EffectiveManager.of(person, null, null)).isNull();
    }

    @Test
    void ofWhenPersonManagesOwnTeamThenNotTheirOwnManager() {
        assertThat(EffectiveManager.of(person, null, person)).isNull();
    }

    @Test
    void ofWhenOverrideIsSelfThenFallsBackToTeamManager() {
        assertThat(EffectiveManager.of(person, person, teamManager)).isEqualTo(teamManager);
    }
}
