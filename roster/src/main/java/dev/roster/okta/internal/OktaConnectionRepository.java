package dev.roster.okta.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.okta.DailySync;
import dev.roster.okta.OktaConnection;
import dev.roster.secrets.Secret;
import dev.roster.secrets.SecretBox;

/**
 * Connection rows; secrets are encrypted on the way in and decrypted on the way out. A secret this
 * instance cannot decrypt loads as an unreadable {@link Secret} rather than failing the whole row, so
 * the hook edge can answer Okta without a 5xx and the Okta page can say what is wrong.
 */
@Repository
public class OktaConnectionRepository {

    private final JdbcClient jdbc;
    private final SecretBox box;

    OktaConnectionRepository(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public List<DailySync> dailySyncs() {
        return jdbc.sql("SELECT account_id, sync_time_utc, created_at FROM okta_connection"
                        + " WHERE provisioning_enabled = TRUE")
                .query((rs, row) -> new DailySync(rs.getObject("account_id", UUID.class),
                        LocalTime.parse(rs.getString("sync_time_utc")), Instants.read(rs, "created_at")))
                .list();
    }

    public Optional<OktaConnection> find(UUID accountId) {
        return jdbc.sql("SELECT * FROM okta_connection WHERE account_id = ?").param(accountId)
                .query(this::map).optional();
    }

    public void save(OktaConnection c, Instant createdAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("account", c.accountId());
        p.put("orgUrl", c.orgUrl());
        p.put("as", c.authorizationServer());
        p.put("clientId", c.clientId());
        p.put("clientSecret", seal(c.clientSecret()));
        p.put("apiToken", seal(c.apiToken()));
        p.put("serviceClientId", c.serviceApp() == null ? null : c.serviceApp().clientId());
        p.put("serviceKey", c.serviceApp() == null ? null : seal(c.serviceApp().privateKeyPem()));
        p.put("hookSecret", seal(c.hookSecret()));
        p.put("hookHeader", c.hookHeaderName());
        p.put("sso", c.ssoEnabled());
        p.put("provisioning", c.provisioningEnabled());
        p.put("withhold", c.withholdInvitations());
        p.put("mustSso", c.membersMustUseSso());
        p.put("ssoCreates", c.ssoCreatesPeople());
        p.put("share", c.rateLimitShare());
        p.put("syncTime", c.syncTimeUtc().toString());
        p.put("maxPercent", c.deprovisionMaxPercent());
        p.put("maxCount", c.deprovisionMaxCount());
        p.put("createdAt", Instants.toJdbc(createdAt));
        p.put("updatedAt", Instants.toJdbc(c.updatedAt()));
        int updated = jdbc.sql("""
                UPDATE okta_connection SET org_url = :orgUrl, authorization_server = :as, client_id = :clientId,
                    client_secret = :clientSecret, api_token = :apiToken, service_client_id = :serviceClientId,
                    service_private_key = :serviceKey, hook_secret = :hookSecret, hook_header_name = :hookHeader,
                    sso_enabled = :sso, provisioning_enabled = :provisioning, withhold_invitations = :withhold,
                    members_must_use_sso = :mustSso, sso_creates_people = :ssoCreates, rate_limit_share = :share,
                    sync_time_utc = :syncTime, deprovision_max_percent = :maxPercent,
                    deprovision_max_count = :maxCount, updated_at = :updatedAt
                WHERE account_id = :account
                """).params(p).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO okta_connection (account_id, org_url, authorization_server, client_id, client_secret,
                        api_token, service_client_id, service_private_key, hook_secret, hook_header_name, sso_enabled,
                        provisioning_enabled, withhold_invitations, members_must_use_sso, sso_creates_people,
                        rate_limit_share, sync_time_utc, deprovision_max_percent, deprovision_max_count, created_at,
                        updated_at)
                    VALUES (:account, :orgUrl, :as, :clientId, :clientSecret, :apiToken, :serviceClientId, :serviceKey,
                        :hookSecret, :hookHeader, :sso, :provisioning, :withhold, :mustSso, :ssoCreates, :share,
                        :syncTime, :maxPercent, :maxCount, :createdAt, :updatedAt)
                    """).params(p).update();
        }
    }

    private String seal(Secret secret) {
        return secret == null ? null : box.encrypt(secret);
    }

    private Secret open(String stored) {
        return stored == null ? null : box.open(stored);
    }

    private OktaConnection map(ResultSet rs, int row) throws SQLException {
        String serviceClientId = rs.getString("service_client_id");
        return new OktaConnection(
                rs.getObject("account_id", UUID.class),
                rs.getString("org_url"),
                rs.getString("authorization_server"),
                rs.getString("client_id"),
                open(rs.getString("client_secret")),
                open(rs.getString("api_token")),
                serviceClientId == null ? null
                        : new OktaConnection.ServiceApp(serviceClientId, open(rs.getString("service_private_key"))),
                open(rs.getString("hook_secret")),
                rs.getString("hook_header_name"),
                rs.getBoolean("sso_enabled"),
                rs.getBoolean("provisioning_enabled"),
                rs.getBoolean("withhold_invitations"),
                rs.getBoolean("members_must_use_sso"),
                rs.getBoolean("sso_creates_people"),
                rs.getBigDecimal("rate_limit_share"),
                LocalTime.parse(rs.getString("sync_time_utc")),
                rs.getInt("deprovision_max_percent"),
                rs.getInt("deprovision_max_count"),
                Instants.read(rs, "updated_at"));
    }
}
