-- Every sign-in attempt, password or Okta single sign-on, with its outcome and why it failed.
-- account_id is null only when the attempt named an account that does not exist.

CREATE TABLE sign_in_audit (
    id          UUID PRIMARY KEY,
    account_id  UUID REFERENCES account (id),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    person_id   UUID,
    method      VARCHAR(8)   NOT NULL,
    outcome     VARCHAR(8)   NOT NULL,
    reason      VARCHAR(500),
    okta_sub    VARCHAR(64),
    email       VARCHAR(320),
    ip          VARCHAR(64),
    CONSTRAINT ck_sign_in_audit_method CHECK (method IN ('local', 'sso')),
    CONSTRAINT ck_sign_in_audit_outcome CHECK (outcome IN ('success', 'failure'))
);

CREATE INDEX ix_sign_in_audit_account_at ON sign_in_audit (account_id, at);
