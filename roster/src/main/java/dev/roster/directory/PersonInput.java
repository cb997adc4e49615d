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
        @NotBlank(message = "is required") @Email(message = "must be an email address, like name@example.com")
        @Size(max = 320, message = AT_MOST) String email,
        @Size(max = 100, message = AT_MOST) String title,
        @Size(max = 200, message = AT_MOST) String firstName,
        @Size(max = 200, message = AT_MOST) String lastName,
        @Size(max = 2048, message = AT_MOST) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String avatarUrl,
        @Size(max = 200, message = AT_MOST) String jobTitle,
        @Size(max = 35, message = AT_MOST) @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en or en-GB")
        String primaryLanguage,
        @Size(max = 200, message = AT_MOST) String primaryLocation,
        @Size(max = 200, message = AT_MOST) String primaryTeam,
        UUID managerId,
        Map<String, Object> customFields,
        @Pattern(regexp = "member|admin|owner", message = "must be member, admin or owner") String role) {

    /** A BCP 47 language tag's shape: a 2–3 letter language, then subtags (script, region, variant). */
    public static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    /** A length limit, said in characters (the form's words) rather than "size must be between 0 and 200". */
    static final String AT_MOST = "must be at most {max} characters";

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
