package dev.roster.directory.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.roster.common.InvalidInputException;
import dev.roster.directory.PersonInput;

/** The person form as the browser posts it; strings only, turned into a {@link PersonInput}. */
public class PersonForm {

    /** Each field's label on the form, so its problems are told in the form's own words. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("email", "Email"), Map.entry("title", "Title"),
            Map.entry("firstName", "First name"), Map.entry("lastName", "Last name"),
            Map.entry("jobTitle", "Job title"), Map.entry("primaryLanguage", "Primary language"),
            Map.entry("primaryLocation", "Primary location"), Map.entry("avatarUrl", "Avatar URL"),
            Map.entry("primaryTeam", "Primary team"), Map.entry("managerId", "Manager override"),
            Map.entry("role", "Role"));

    private String email;
    private String title;
    private String firstName;
    private String lastName;
    private String avatarUrl;
    private String jobTitle;
    private String primaryLanguage;
    private String primaryLocation;
    private String primaryTeam;
    private String managerId;
    private String role = "member";
    private Map<String, String> custom = new LinkedHashMap<>();

    static PersonForm of(PersonInput input) {
        PersonForm form = new PersonForm();
        form.email = input.email();
        form.title = input.title();
        form.firstName = input.firstName();
        form.lastName = input.lastName();
        form.avatarUrl = input.avatarUrl();
        form.jobTitle = input.jobTitle();
        form.primaryLanguage = input.primaryLanguage();
        form.primaryLocation = input.primaryLocation();
        form.primaryTeam = input.primaryTeam();
        form.managerId = input.managerId() == null ? null : input.managerId().toString();
        form.role = input.role();
        input.customFields().forEach((key, value) -> form.custom.put(key, value == null ? null : value.toString()));
        return form;
    }

    PersonInput toInput() {
        UUID manager;
        try {
            manager = blank(managerId) ? null : UUID.fromString(managerId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("managerId", "pick a person from the list");
        }
        Map<String, Object> values = new HashMap<>();
        custom.forEach((key, value) -> values.put(key, blank(value) ? null : value));
        return new PersonInput(email, blankToNull(title), blankToNull(firstName), blankToNull(lastName),
                blankToNull(avatarUrl), blankToNull(jobTitle), blankToNull(primaryLanguage),
                blankToNull(primaryLocation), blankToNull(primaryTeam), manager, values, blankToNull(role));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getPrimaryLanguage() { return primaryLanguage; }
    public void setPrimaryLanguage(String primaryLanguage) { this.primaryLanguage = primaryLanguage; }
    public String getPrimaryLocation() { return primaryLocation; }
    public void setPrimaryLocation(String primaryLocation) { this.primaryLocation = primaryLocation; }
    public String getPrimaryTeam() { return primaryTeam; }
    public void setPrimaryTeam(String primaryTeam) { this.primaryTeam = primaryTeam; }
    public String getManagerId() { return managerId; }
    public void setManagerId(String managerId) { this.managerId = managerId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Map<String, String> getCustom() { return custom; }
    public void setCustom(Map<String, String> custom) { this.custom = custom; }
}
