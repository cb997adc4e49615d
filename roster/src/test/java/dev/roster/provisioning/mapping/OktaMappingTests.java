package dev.roster.provisioning.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.roster.directory.CustomField;
import dev.roster.directory.CustomFieldType;
import dev.roster.okta.OktaUser;

/** One test per mapping rule of the seed's table, plus custom mappings. */
class OktaMappingTests {

    private static OktaUser user(Map<String, Object> profile) {
        Map<String, Object> full = new HashMap<>(Map.of("login", "Jane.Doe@Acme.com", "email", "jane.doe@acme.com"));
        full.putAll(profile);
        return new OktaUser("00u1", "ACTIVE", full, null);
    }

    private static MappedPerson map(Map<String, Object> profile) {
        return OktaMapping.map(user(profile), MappingSettings.defaults());
    }

    @Test
    void mapWhenHonorificPrefixThenTitle() {
        assertThat(map(Map.of("honorificPrefix", "Dr")).get(StandardField.TITLE)).isEqualTo("Dr");
    }

    @Test
    void mapWhenNamesThenFirstAndLastName() {
        MappedPerson mapped = map(Map.of("firstName", " Jane ", "lastName", "Doe"));
        assertThat(mapped.get(StandardField.FIRST_NAME)).isEqualTo("Jane");
        assertThat(mapped.get(StandardField.LAST_NAME)).isEqualTo("Doe");
    }

    @Test
    void mapWhenEmailThenEmail() {
        assertThat(map(Map.of()).email()).isEqualTo("jane.doe@acme.com");
    }

    @Test
    void mapWhenEmailMissingOrInvalidThenProblemAndNoEmail() {
        MappedPerson mapped = OktaMapping.map(new OktaUser("00u1", "ACTIVE", Map.of("email", "not-an-email"), null),
                MappingSettings.defaults());
        assertThat(mapped.has(StandardField.EMAIL)).isFalse();
        assertThat(mapped.problems()).anyMatch(p -> p.startsWith("email:"));
    }

    @Test
    void mapWhenAvatarAttributeConfiguredThenAvatarFromIt() {
        MappingSettings settings = new MappingSettings(Set.of(), "photo", Map.of(), List.of());
        MappedPerson mapped = OktaMapping.map(user(Map.of("photo", "https://cdn.acme.com/jane.png",
                "avatarUrl", "https://other")), settings);
        assertThat(mapped.get(StandardField.AVATAR)).isEqualTo("https://cdn.acme.com/jane.png");
    }

    @Test
    void mapWhenAvatarNotHttpThenProblemAndFieldKept() {
        MappedPerson mapped = map(Map.of("avatarUrl", "javascript:alert(1)"));
        assertThat(mapped.has(StandardField.AVATAR)).isFalse();
        assertThat(mapped.problems()).anyMatch(p -> p.startsWith("avatar:"));
    }

    @Test
    void mapWhenOktaTitleThenJobTitle() {
        assertThat(map(Map.of("title", "Staff Engineer")).get(StandardField.JOB_TITLE)).isEqualTo("Staff Engineer");
    }

    @Test
    void mapWhenPreferredLanguageThenItWinsOverLocale() {
        assertThat(map(Map.of("preferredLanguage", "fr-CA", "locale", "en_GB")).get(StandardField.LANGUAGE))
                .isEqualTo("fr-CA");
    }

    @Test
    void mapWhenOnlyLocaleThenLanguageTagFromLocale() {
        assertThat(map(Map.of("locale", "en_GB")).get(StandardField.LANGUAGE)).isEqualTo("en-GB");
    }

    @Test
    void mapWhenCityThenPrimaryLocation() {
        assertThat(map(Map.of("city", "Manchester")).get(StandardField.LOCATION)).isEqualTo("Manchester");
    }

    @Test
    void mapWhenDepartmentThenPrimaryTeamName() {
        assertThat(map(Map.of("department", "Sales")).get(StandardField.TEAM)).isEqualTo("Sales");
    }

    @Test
    void mapWhenManagerIdAndManagerThenBothKeptForResolution() {
        MappedPerson mapped = map(Map.of("managerId", "00u9", "manager", "Boss Person"));
        assertThat(mapped.managerRef()).isEqualTo("00u9");
        assertThat(mapped.managerName()).isEqualTo("Boss Person");
    }

    @Test
    void mapWhenAttributeAbsentThenFieldClearedNotSkipped() {
        MappedPerson mapped = map(Map.of());
        assertThat(mapped.has(StandardField.JOB_TITLE)).isTrue();
        assertThat(mapped.get(StandardField.JOB_TITLE)).isNull();
    }

    @Test
    void mapWhenStandardFieldDisabledThenNotMapped() {
        MappingSettings settings = new MappingSettings(Set.of(StandardField.TEAM, StandardField.MANAGER,
                StandardField.EMAIL), "avatarUrl", Map.of(), List.of());
        MappedPerson mapped = OktaMapping.map(user(Map.of("department", "Sales", "managerId", "00u9")), settings);
        assertThat(mapped.has(StandardField.TEAM)).isFalse();
        assertThat(mapped.managerRef()).isNull();
        assertThat(mapped.email()).as("email cannot be switched off").isEqualTo("jane.doe@acme.com");
    }

    @Test
    void mapWhenValueTooLongThenProblemAndFieldKept() {
        MappedPerson mapped = map(Map.of("firstName", "x".repeat(201)));
        assertThat(mapped.has(StandardField.FIRST_NAME)).isFalse();
        assertThat(mapped.problems()).anyMatch(p -> p.startsWith("first-name:"));
    }

    @Test
    void mapWhenCustomMappingThenConvertedToFieldType() {
        CustomField hired = new CustomField(UUID.randomUUID(), UUID.randomUUID(), "hireDate", "Hire date",
                CustomFieldType.DATE, List.of(), false);
        CustomField level = new CustomField(UUID.randomUUID(), UUID.randomUUID(), "level", "Level",
                CustomFieldType.NUMBER, List.of(), false);
        MappingSettings settings = new MappingSettings(Set.of(), "avatarUrl",
                Map.of("hireDate", "hireDate", "level", "grade"), List.of(hired, level));
        MappedPerson mapped = OktaMapping.map(user(Map.of("hireDate", "2021-04-01T00:00:00.000Z",
                "grade", new BigDecimal("7"))), settings);
        assertThat(mapped.custom()).containsEntry("hireDate", "2021-04-01").containsEntry("level", "7");
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void mapWhenCustomValueDoesNotConvertThenProblemAndRestStillMapped() {
        CustomField level = new CustomField(UUID.randomUUID(), UUID.randomUUID(), "level", "Level",
                CustomFieldType.NUMBER, List.of(), false);
        MappingSettings settings = new MappingSettings(Set.of(), "avatarUrl", Map.of("level", "grade"), List.of(level));
        MappedPerson mapped = OktaMapping.map(user(Map.of("grade", "senior", "firstName", "Jane")), settings);
        assertThat(mapped.custom()).doesNotContainKey("level");
        assertThat(mapped.problems()).singleElement().asString().contains("Level").contains("must be a number");
        assertThat(mapped.get(StandardField.FIRST_NAME)).isEqualTo("Jane");
    }

    @Test
    void mapWhenStringArrayAttributeThenJoined() {
        CustomField skills = new CustomField(UUID.randomUUID(), UUID.randomUUID(), "skills", "Skills",
                CustomFieldType.TEXT, List.of(), false);
        MappingSettings settings = new MappingSettings(Set.of(), "avatarUrl", Map.of("skills", "skills"), List.of(skills));
        MappedPerson mapped = OktaMapping.map(user(Map.of("skills", List.of("java", "sql"))), settings);
        assertThat(mapped.custom()).containsEntry("skills", "java, sql");
    }

    @Test
    void fingerprintWhenSameInputThenSameAndWhenChangedThenDifferent() {
        assertThat(map(Map.of("city", "Leeds")).fingerprint()).isEqualTo(map(Map.of("city", "Leeds")).fingerprint());
        assertThat(map(Map.of("city", "Leeds")).fingerprint()).isNotEqualTo(map(Map.of("city", "York")).fingerprint());
    }

    @Test
    void mapWhenLoginThenLowerCasedForManagerLookups() {
        assertThat(map(Map.of()).login()).isEqualTo("jane.doe@acme.com");
    }
}
