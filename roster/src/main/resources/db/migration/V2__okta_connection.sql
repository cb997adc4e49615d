-- Per-account Okta connection. Secrets are stored encrypted (AES-GCM, with the key id in the value).

CREATE TABLE okta_connection (
    account_id              UUID PRIMARY KEY REFERENCES account (id),
    org_url                 VARCHAR(500)  NOT NULL,
    authorization_server    VARCHAR(100)  NOT NULL,
    client_id               VARCHAR(100)  NOT NULL,
    client_secret           VARCHAR(2000),
    api_token               VARCHAR(2000),
    service_client_id       VARCHAR(100),
    service_private_key     VARCHAR(16000),
    hook_secret             VARCHAR(2000) NOT NULL,
    hook_header_name        VARCHAR(100)  NOT NULL,
    sso_enabled             BOOLEAN       NOT NULL,
    provisioning_enabled    BOOLEAN       NOT NULL,
    withhold_invitations    BOOLEAN       NOT NULL,
    members_must_use_sso    BOOLEAN       NOT NULL,
    sso_creates_people      BOOLEAN       NOT NULL,
    rate_limit_share        DECIMAL(4, 3) NOT NULL,
    sync_time_utc           VARCHAR(5)    NOT NULL,
    deprovision_max_percent INTEGER       NOT NULL,
    deprovision_max_count   INTEGER       NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
