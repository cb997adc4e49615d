package dev.roster.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The builder names each setting; each lands in its own field, and what is not set stays unset. */
class OktaSettingsTests {

    @Test
    void builderWhenEverySettingGivenThenEachInItsField() {
        OktaSettings.ServiceAppSettings app = new OktaSettings.ServiceAppSettings("0oaSERVICE", "pem");
        OktaSettings s = OktaSettings.builder("https://acme.okta.com", "0oaAPP").authorizationServer("aus1")
                .clientSecret("secret").apiToken("token").serviceApp(app).hookHeaderName("X-Hook")
                .ssoEnabled(true).provisioningEnabled(false).withholdInvitations(true).membersMustUseSso(false)
                .ssoCreatesPeople(true).rateLimitShare(new BigDecimal("0.25")).syncTimeUtc("04:30")
                .deprovisionMaxPercent(7).deprovisionMaxCount(9).build();

        assertThat(s).isEqualTo(new OktaSettings("https://acme.okta.com", "aus1", "0oaAPP", "secret", "token", app,
                "X-Hook", true, false, true, false, true, new BigDecimal("0.25"), "04:30", 7, 9));
    }

    @Test
    void builderWhenOnlyOrgAndAppThenOrgServerAndTheRestUnset() {
        OktaSettings s = OktaSettings.builder("https://acme.okta.com", "0oaAPP").build();

        assertThat(s).isEqualTo(new OktaSettings("https://acme.okta.com", "org", "0oaAPP", null, null, null, null,
                null, null, null, null, null, null, null, null, null));
    }
}
