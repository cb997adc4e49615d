-- Accounts (tenants) and the people directory. Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE account (
    id          UUID PRIMARY KEY,
    account_key VARCHAR(63)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_account_key UNIQUE (account_key)
);

CREATE TABLE team (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id),
    name        VARCHAR(200) NOT NULL,
    name_lower  VARCHAR(200) NOT NULL,
    manager_id  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_team_name UNIQUE (account_id, name_lower)
);

CREATE TABLE person (
    id                  UUID PRIMARY KEY,
    account_id          UUID NOT NULL REFERENCES account (id),
    email               VARCHAR(320) NOT NULL,
    email_lower         VARCHAR(320) NOT NULL,
    title               VARCHAR(100),
    first_name          VARCHAR(200),
    last_name           VARCHAR(200),
    avatar_url          VARCHAR(2048),
    job_title           VARCHAR(200),
    primary_language    VARCHAR(35),
    primary_location    VARCHAR(200),
    primary_team_id     UUID REFERENCES team (id),
    manager_id          UUID REFERENCES person (id),
    custom_values       VARCHAR(65536) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    role                VARCHAR(16)  NOT NULL,
    source              VARCHAR(16)  NOT NULL,
    okta_id             VARCHAR(64),
    last_synced_at      TIMESTAMP WITH TIME ZONE,
    invited_at          TIMESTAMP WITH TIME ZONE,
    activated_at        TIMESTAMP WITH TIME ZONE,
    deactivated_at      TIMESTAMP WITH TIME ZONE,
    deactivated_by      VARCHAR(16),
    password_hash       VARCHAR(200),
    failed_sign_ins     INTEGER NOT NULL DEFAULT 0,
    sign_in_locked_until TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_person_email UNIQUE (account_id, email_lower),
    CONSTRAINT uq_person_okta_id UNIQUE (account_id, okta_id),
    CONSTRAINT ck_person_status CHECK (status IN ('invited', 'active', 'deactivated')),
    CONSTRAINT ck_person_role CHECK (role IN ('owner', 'admin', 'member')),
    CONSTRAINT ck_person_source CHECK (source IN ('okta', 'manual'))
);

CREATE INDEX ix_person_account_status ON person (account_id, status);
CREATE INDEX ix_person_team ON person (primary_team_id);

ALTER TABLE team ADD CONSTRAINT fk_team_manager FOREIGN KEY (manager_id) REFERENCES person (id);

CREATE TABLE custom_field (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id),
    field_key   VARCHAR(64)  NOT NULL,
    label       VARCHAR(200) NOT NULL,
    field_type  VARCHAR(16)  NOT NULL,
    options     VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_custom_field_key UNIQUE (account_id, field_key),
    CONSTRAINT ck_custom_field_type CHECK (field_type IN ('text', 'number', 'date', 'boolean', 'one_of'))
);

CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL REFERENCES account (id),
    name         VARCHAR(200) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    created_by   UUID REFERENCES person (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
