package dev.roster.scim.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.common.ApiProblems;
import dev.roster.common.PublicUrl;
import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;

/**
 * {@code /api/v1/accounts/{key}/scim}: switching SCIM on as the account's provisioning source, and
 * its bearer tokens (a new token is shown once, in the answer that creates it). Admins only.
 */
@RestController
@RequestMapping("/api/v1/accounts/{key}/scim")
class ScimApiController {

    record SettingsInput(@NotNull Boolean enabled, Boolean withholdInvitations) {
    }

    record SettingsResource(boolean enabled, boolean withholdInvitations, String baseUrl, List<TokenResource> tokens) {
    }

    record TokenInput(@Size(max = 200) String name) {
    }

    record TokenResource(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenResource of(ScimTokens.Token t) {
            return new TokenResource(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    record IssuedResource(UUID id, String name, String token) {
    }

    private final ScimSettings settings;
    private final ScimTokens tokens;
    private final PublicUrl publicUrl;

    ScimApiController(ScimSettings settings, ScimTokens tokens, PublicUrl publicUrl) {
        this.settings = settings;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    SettingsResource read(AccountContext ctx) {
        ctx.requireAdmin();
        return resource(ctx, settings.find(ctx.accountId()));
    }

    @PutMapping
    ResponseEntity<?> save(AccountContext ctx, @Valid @RequestBody SettingsInput input) {
        ctx.requireAdmin();
        try {
            return ResponseEntity.ok(resource(ctx, settings.save(ctx.accountId(), input.enabled(),
                    input.withholdInvitations())));
        } catch (ScimSettings.SourceConflict e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiProblems.problem(HttpStatus.CONFLICT,
                    "Another provisioning source", e.getMessage()));
        }
    }

    @PostMapping("/tokens")
    ResponseEntity<IssuedResource> issue(AccountContext ctx, @Valid @RequestBody(required = false) TokenInput input) {
        ctx.requireAdmin();
        String name = input == null || input.name() == null || input.name().isBlank() ? "SCIM client" : input.name().strip();
        ScimTokens.Issued issued = tokens.issue(ctx.accountId(), name);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + ctx.account().key() + "/scim/tokens/"
                + issued.id())).body(new IssuedResource(issued.id(), name, issued.token()));
    }

    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revoke(AccountContext ctx, @PathVariable UUID tokenId) {
        ctx.requireAdmin();
        tokens.revoke(ctx.accountId(), tokenId);
        return ResponseEntity.noContent().build();
    }

    private SettingsResource resource(AccountContext ctx, ScimSettings.Settings s) {
        return new SettingsResource(s.enabled(), s.withholdInvitations(),
                publicUrl.base() + "/scim/v2/" + ctx.account().key(),
                tokens.list(ctx.accountId()).stream().map(TokenResource::of).toList());
    }
}
