package dev.roster.okta;

import java.util.List;

/**
 * One page of an app's assigned users ({@code GET /api/v1/apps/{appId}/users?expand=user}).
 *
 * @param next the opaque URL of the next page from the {@code Link} header, or null on the last page
 */
public record AppUserPage(List<OktaUser> users, String next) {
}
