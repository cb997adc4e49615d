package dev.roster.okta;

/**
 * The URLs of one account that its admin registers in Okta: the app's sign-in, sign-out and
 * initiate-login URIs and the event hook's URL.
 */
public record OktaUrls(String redirectUri, String signOutRedirectUri, String initiateLoginUri, String hookUrl) {

    /** @param base Roster's public base URL, without a trailing slash */
    public static OktaUrls of(String base, String accountKey) {
        return new OktaUrls(base + "/login/oauth2/code/" + accountKey, base + "/sso/okta/" + accountKey + "/signed-out",
                base + "/sso/okta/" + accountKey + "/start", base + "/hooks/okta/" + accountKey);
    }
}
