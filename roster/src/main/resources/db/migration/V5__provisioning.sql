-- Provisioning from Okta: the hook inbox, per-user sync state, reconciliation runs, the field
-- mapping, and provisioning's bookkeeping per linked person. (V4 is the sign-in audit.)

ALTER TABLE person ADD COLUMN invitation VARCHAR(16) DEFAULT 'none' NOT NULL;

-- What provisioning knows about a linked person beyond the directory's fields.
CREATE TABLE okta_link (
    person_id         UUID PRIMARY KEY REFERENCES person (id),
    account_id        UUID NOT NULL REFERENCES account (id),
    okta_id           VARCHAR(64)  NOT NULL,
    login_lower       VARCHAR(320),
    employee_number   VARCHAR(100),
    manager_ref       VARCHAR(320),
    manager_ref_lower VARCHAR(320),
    manager_name      VARCHAR(320),
    mapped_hash       VARCHAR(64),
    synced_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_okta_link UNIQUE (account_id, okta_id)
);
CREATE INDEX ix_okta_link_login ON okta_link (account_id, login_lower);
CREATE INDEX ix_okta_link_employee ON okta_link (account_id, employee_number);
CREATE INDEX ix_okta_link_manager_ref ON okta_link (account_id, manager_ref_lower);

CREATE TABLE okta_field_mapping (
    account_id        UUID PRIMARY KEY REFERENCES account (id),
    disabled_fields   VARCHAR(1000) NOT NULL,
    avatar_attribute  VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE okta_custom_mapping (
    account_id        UUID NOT NULL REFERENCES account (id),
    field_key         VARCHAR(64)  NOT NULL,
    okta_attribute    VARCHAR(100) NOT NULL,
    PRIMARY KEY (account_id, field_key)
);

-- The hook inbox: one row per delivery and per event, deduplicated on Okta's ids.
CREATE TABLE okta_hook_delivery (
    id                UUID PRIMARY KEY,
    account_id        UUID NOT NULL REFERENCES account (id),
    event_id          VARCHAR(100) NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    event_count       INTEGER NOT NULL,
    queued_count      INTEGER NOT NULL,
    event_types       VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_hook_delivery UNIQUE (account_id, event_id)
);
CREATE INDEX ix_hook_delivery_received ON okta_hook_delivery (account_id, received_at);

CREATE TABLE okta_hook_event (
    account_id        UUID NOT NULL REFERENCES account (id),
    event_uuid        VARCHAR(100) NOT NULL,
    delivery_id       UUID NOT NULL REFERENCES okta_hook_delivery (id),
    event_type        VARCHAR(200) NOT NULL,
    okta_user_id      VARCHAR(64),
    published         TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, event_uuid)
);

-- Per Okta user: how often a sync was asked for and what the last one did. The request counter
-- lets a running job notice a newer event and run again (the lost-update race).
CREATE TABLE okta_user_sync (
    account_id        UUID NOT NULL REFERENCES account (id),
    okta_user_id      VARCHAR(64) NOT NULL,
    requested         BIGINT NOT NULL,
    last_requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_synced_at    TIMESTAMP WITH TIME ZONE,
    last_outcome      VARCHAR(32),
    last_error        VARCHAR(2000),
    PRIMARY KEY (account_id, okta_user_id)
);

CREATE TABLE okta_sync_run (
    id                UUID PRIMARY KEY,
    account_id        UUID NOT NULL REFERENCES account (id),
    status            VARCHAR(16) NOT NULL,
    run_trigger       VARCHAR(16) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    pages             INTEGER NOT NULL,
    listed            INTEGER NOT NULL,
    created_count     INTEGER NOT NULL,
    updated_count     INTEGER NOT NULL,
    unchanged_count   INTEGER NOT NULL,
    deactivated_count INTEGER NOT NULL,
    reactivated_count INTEGER NOT NULL,
    failed_count      INTEGER NOT NULL,
    held_count        INTEGER NOT NULL,
    rate_limit_waits  INTEGER NOT NULL,
    error             VARCHAR(4000),
    decided_by        UUID,
    decided_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_sync_run_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'held', 'rejected')),
    CONSTRAINT ck_sync_run_trigger CHECK (run_trigger IN ('schedule', 'manual', 'api'))
);
CREATE INDEX ix_sync_run_account ON okta_sync_run (account_id, created_at);

-- Each person a run changed, with the field changes, or the error that stopped it.
CREATE TABLE okta_sync_change (
    id                UUID PRIMARY KEY,
    run_id            UUID NOT NULL REFERENCES okta_sync_run (id),
    account_id        UUID NOT NULL REFERENCES account (id),
    person_id         UUID,
    okta_user_id      VARCHAR(64),
    kind              VARCHAR(16) NOT NULL,
    changes           VARCHAR(16000),
    error             VARCHAR(2000)
);
CREATE INDEX ix_sync_change_run ON okta_sync_change (run_id);

-- Who a held run would deactivate, until an admin approves or rejects it.
CREATE TABLE okta_sync_held (
    run_id            UUID NOT NULL REFERENCES okta_sync_run (id),
    person_id         UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (run_id, person_id)
);
