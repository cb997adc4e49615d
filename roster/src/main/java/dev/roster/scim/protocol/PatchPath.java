package dev.roster.scim.protocol;

/**
 * Where a PATCH operation applies: an attribute, optionally narrowed to the values a filter picks
 * ({@code members[value eq "2819c223"]}) and to one sub-attribute of them
 * ({@code emails[type eq "work"].value}).
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {
}
