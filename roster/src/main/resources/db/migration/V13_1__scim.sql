-- SCIM 2.0 as an account's provisioning source: the switch, bearer tokens (SHA-256 hashes only, so a
-- database leak hands out no working token) and each SCIM user's last document. The SCIM id of a user
-- is the person's id. Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE scim_settings (
    account_id            UUID PRIMARY KEY REFERENCES account (id),
    enabled               BOOLEAN NOT NULL,
    withhold_invitations  BOOLEAN NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE scim_token (
    id            UUID PRIMARY KEY,
    account_id    UUID NOT NULL REFERENCES account (id),
    name          VARCHAR(200) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_scim_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_scim_token_account ON scim_token (account_id);

-- user_name_key is the lower-cased userName: SCIM's userName is unique and case-insensitive.
CREATE TABLE scim_user (
    person_id      UUID PRIMARY KEY REFERENCES person (id),
    account_id     UUID NOT NULL REFERENCES account (id),
    user_name      VARCHAR(320) NOT NULL,
    user_name_key  VARCHAR(320) NOT NULL,
    external_id    VARCHAR(320),
    document       VARCHAR(1000000) NOT NULL,
    version        BIGINT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_scim_user_name UNIQUE (account_id, user_name_key)
);
CREATE INDEX ix_scim_user_external ON scim_user (account_id, external_id);
CREATE INDEX ix_scim_user_listing ON scim_user (account_id, created_at, person_id);

-- A SCIM Group is one of the account's teams (same id); its members are the team's members.
CREATE TABLE scim_group (
    team_id        UUID PRIMARY KEY REFERENCES team (id),
    account_id     UUID NOT NULL REFERENCES account (id),
    external_id    VARCHAR(320),
    version        BIGINT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_scim_group_external ON scim_group (account_id, external_id);
CREATE INDEX ix_scim_group_listing ON scim_group (account_id, created_at, team_id);
