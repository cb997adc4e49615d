package dev.roster.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person's editor may set: from a form, the JSON API or a mapping. Shape checks are here;
 * checks that need the account (unique email, team, manager, custom fields) are the directory's.
 *
 * @param primaryTeam  a team name of the account, or null
 * @param managerId    the manager override, or null
 * @param customFields custom field key to raw value; a null value clears it
 * @param role         "member", "admin" or "owner"; null keeps the current one (new people: member)
 */
public record PersonInput(
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100) String title,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 200) String jobTitle,
        @Size(max = 35) @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en or en-GB")
        String primaryLanguage,
        @Size(max = 200) String primaryLocation,
        @Size(max = 200) String primaryTeam,
        UUID managerId,
        Map<String, Object> customFields,
        @Pattern(regexp = "member|admin|owner", message = "must be member, admin or owner") String role) {

    /** A BCP 47 language tag's shape: a 2–3 letter language, then subtags (script, region, variant). */
    public static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    public PersonInput {
        customFields = customFields == null ? Map.of() : new LinkedHashMap<>(customFields);
    }

    /** The current values of a person, as the starting point of an edit or a partial update. */
    public static PersonInput of(PersonView view, Map<String, Object> customJson) {
        Person p = view.person();
        return new PersonInput(p.email(), p.title(), p.firstName(), p.lastName(), p.avatarUrl(), p.jobTitle(),
                p.primaryLanguage(), p.primaryLocation(), view.primaryTeam(), p.managerId(), customJson,
                p.role().wireName());
    }
}
