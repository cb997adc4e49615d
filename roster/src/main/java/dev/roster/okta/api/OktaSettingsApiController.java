package dev.roster.okta.api;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.roster.accounts.AccountContext;
import dev.roster.common.NotFoundException;
import dev.roster.common.PublicUrl;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.okta.OktaUrls;
import dev.roster.secrets.Secret;

/** {@code /api/v1/accounts/{key}/okta}: the account's Okta connection settings, secrets masked. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/okta")
class OktaSettingsApiController {

    private final OktaConnections connections;
    private final PublicUrl publicUrl;

    OktaSettingsApiController(OktaConnections connections, PublicUrl publicUrl) {
        this.connections = connections;
        this.publicUrl = publicUrl;
    }

    record Resource(String orgUrl, String authorizationServer, String issuer, String clientId, String clientSecret,
            String apiToken, Map<String, String> serviceApp, boolean ssoEnabled, boolean provisioningEnabled,
            boolean withholdInvitations, boolean membersMustUseSso, boolean ssoCreatesPeople,
            BigDecimal rateLimitShare, String syncTimeUtc, int deprovisionMaxPercent, int deprovisionMaxCount,
            String hookUrl, String hookHeaderName, @JsonInclude(JsonInclude.Include.NON_NULL) String hookSecret,
            String redirectUri, String signOutRedirectUri, String initiateLoginUri) {
    }

    @GetMapping
    Resource read(AccountContext ctx) {
        ctx.requireAdmin();
        OktaConnection connection = connections.find(ctx.accountId())
                .orElseThrow(() -> new NotFoundException("This account has no Okta connection yet."));
        return resource(ctx, connection, null);
    }

    @PutMapping
    Resource save(AccountContext ctx, @RequestBody OktaSettings settings) {
        ctx.requireAdmin();
        OktaConnections.Saved saved = connections.save(ctx.accountId(), settings);
        return resource(ctx, saved.connection(), saved.newHookSecret());
    }

    /** A new hook secret, shown this once; paste it into the Okta event hook's header value. */
    @PostMapping("/hook-secret")
    Resource rotateHookSecret(AccountContext ctx) {
        ctx.requireAdmin();
        Secret secret = connections.rotateHookSecret(ctx.accountId());
        return resource(ctx, connections.find(ctx.accountId()).orElseThrow(), secret);
    }

    private Resource resource(AccountContext ctx, OktaConnection c, Secret newHookSecret) {
        OktaUrls urls = OktaUrls.of(publicUrl.base(), ctx.account().key());
        return new Resource(c.orgUrl(), c.authorizationServer(), c.issuer(), c.clientId(), mask(c.clientSecret()),
                mask(c.apiToken()),
                c.serviceApp() == null ? null
                        : Map.of("clientId", c.serviceApp().clientId(), "privateKeyPem", OktaSettings.MASK),
                c.ssoEnabled(), c.provisioningEnabled(), c.withholdInvitations(), c.membersMustUseSso(),
                c.ssoCreatesPeople(), c.rateLimitShare(), c.syncTimeUtc().toString(), c.deprovisionMaxPercent(),
                c.deprovisionMaxCount(), urls.hookUrl(), c.hookHeaderName(),
                newHookSecret == null ? null : newHookSecret.reveal(),
                urls.redirectUri(), urls.signOutRedirectUri(), urls.initiateLoginUri());
    }

    private static String mask(Secret secret) {
        return secret == null ? null : OktaSettings.MASK;
    }
}
