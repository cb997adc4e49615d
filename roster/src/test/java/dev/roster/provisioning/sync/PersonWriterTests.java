package dev.roster.provisioning.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.roster.directory.Invitation;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.Source;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.mapping.OktaMapping;
import dev.roster.provisioning.mapping.StandardField;

class PersonWriterTests {

    private final UUID account = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-30T03:00:00Z");

    private MappedPerson mapped(Map<String, Object> profile) {
        return OktaMapping.map(new OktaUser("00u1", "ACTIVE", profile, null),
                new MappingSettings(java.util.Set.of(StandardField.TEAM), "avatarUrl", Map.of(), List.of()));
    }

    @Test
    void createWhenNewThenInvitedFromOktaWithPendingInvitation() {
        var written = PersonWriter.create(account, mapped(Map.of("email", "a@x.com", "firstName", "A")), null, false, now);
        assertThat(written.person().status()).isEqualTo(PersonStatus.INVITED);
        assertThat(written.person().source()).isEqualTo(Source.OKTA);
        assertThat(written.person().oktaId()).isEqualTo("00u1");
        assertThat(written.person().invitation()).isEqualTo(Invitation.PENDING);
        assertThat(written.person().lastSyncedAt()).isEqualTo(now);
    }

    @Test
    void createWhenAccountWithholdsInvitationsThenWithheld() {
        var written = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, true, now);
        assertThat(written.person().invitation()).isEqualTo(Invitation.WITHHELD);
    }

    @Test
    void updateWhenFieldsDifferThenChangesListedWithOldAndNew() {
        var created = PersonWriter.create(account, mapped(Map.of("email", "a@x.com", "city", "Leeds")), null, false,
                now.minusSeconds(60)).person();
        var written = PersonWriter.update(created, mapped(Map.of("email", "a@x.com", "city", "York")), null, false,
                false);
        assertThat(written.changes()).extracting(c -> c.field() + ":" + c.oldValue() + "->" + c.newValue())
                .containsExactly("primaryLocation:Leeds->York");
        assertThat(written.update().fields()).containsExactly(Map.entry(ProfileUpdate.Field.PRIMARY_LOCATION, "York"));
        assertThat(written.update().lifecycle()).isEqualTo(ProfileUpdate.Lifecycle.NONE);
        assertThat(written.update().teamGiven()).isFalse();
        assertThat(written.update().managerGiven()).isFalse();
    }

    @Test
    void updateWhenNothingDiffersThenNoChangesAndTimestampsKept() {
        var created = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, false,
                now.minusSeconds(60)).person();
        var written = PersonWriter.update(created, mapped(Map.of("email", "a@x.com")), null, false, false);
        assertThat(written.changes()).isEmpty();
        assertThat(written.update().isEmpty()).isTrue();
    }

    @Test
    void updateWhenLinkingThenOktaIdStoredAndSourceOkta() {
        var handMade = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, false, now).person();
        var manual = new dev.roster.directory.Person(handMade.id(), account, "a@x.com", null, null, null, null, null,
                null, null, null, null, Map.of(), PersonStatus.ACTIVE, handMade.role(), Source.MANUAL, null,
                Invitation.NONE, null, now, now, null, null, now, now);
        var written = PersonWriter.update(manual, mapped(Map.of("email", "a@x.com")), null, true, false);
        assertThat(written.update().linkOktaId()).isEqualTo("00u1");
        assertThat(written.changes()).extracting(c -> c.field()).contains("oktaId");
    }

    @Test
    void updateWhenReactivatingNeverSignedInThenReactivationAskedAndInvitedForeseen() {
        var created = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, false, now).person();
        var p = new dev.roster.directory.Person(created.id(), account, "a@x.com", null, null, null, null, null, null,
                null, null, null, Map.of(), PersonStatus.DEACTIVATED, created.role(), Source.OKTA, "00u1",
                Invitation.PENDING, now, now, null, now, "okta", now, now);
        var written = PersonWriter.update(p, mapped(Map.of("email", "a@x.com")), null, false, true);
        assertThat(written.update().lifecycle()).isEqualTo(ProfileUpdate.Lifecycle.REACTIVATE);
        assertThat(written.changes()).extracting(c -> c.field() + ":" + c.oldValue() + "->" + c.newValue())
                .containsExactly("status:deactivated->invited");
    }

    @Test
    void deactivateWhenCalledThenOnlyTheLifecycleChangeIsWritten() {
        var created = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, false, now).person();
        var written = PersonWriter.deactivate(created);
        assertThat(written.update().lifecycle()).isEqualTo(ProfileUpdate.Lifecycle.DEACTIVATE);
        assertThat(written.update().fields()).isEmpty();
        assertThat(written.update().customValues()).isEmpty();
        assertThat(written.changes()).extracting(c -> c.field() + ":" + c.oldValue() + "->" + c.newValue())
                .containsExactly("status:invited->deactivated");
    }

    @Test
    void updateWhenCustomValueClearedThenRemoved() {
        var created = PersonWriter.create(account, mapped(Map.of("email", "a@x.com")), null, false, now).person();
        var withValue = new dev.roster.directory.Person(created.id(), account, created.email(), null, null, null,
                null, null, null, null, null, null, Map.of("level", "3"), created.status(), created.role(),
                created.source(), created.oktaId(), created.invitation(), null, now, null, null, null, now, now);
        MappedPerson m = new MappedPerson("00u1", null, null, Map.of(StandardField.EMAIL, "a@x.com"), null, null,
                java.util.Collections.singletonMap("level", null), List.of());
        var written = PersonWriter.update(withValue, m, null, false, false);
        assertThat(written.update().customValues()).containsEntry("level", null).hasSize(1);
    }
}
