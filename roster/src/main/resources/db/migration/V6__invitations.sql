-- Invitation emails: one row per invited person. Only a SHA-256 hash of the accept token is kept,
-- so a database leak does not hand out working links. Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE invitation (
    person_id         UUID PRIMARY KEY REFERENCES person (id),
    account_id        UUID NOT NULL REFERENCES account (id),
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by      VARCHAR(16)  NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE,
    attempts          INTEGER      NOT NULL,
    last_attempt_at   TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(2000),
    token_hash        VARCHAR(64),
    token_expires_at  TIMESTAMP WITH TIME ZONE,
    accepted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_invitation_token UNIQUE (token_hash),
    CONSTRAINT ck_invitation_requested_by CHECK (requested_by IN ('provisioning', 'admin'))
);
CREATE INDEX ix_invitation_account ON invitation (account_id);

-- The dispatcher looks for people whose invitation is pending, across accounts.
CREATE INDEX ix_person_invitation ON person (invitation);
