-- Teams beyond the primary one: a person can be a member of several teams (SCIM groups push them).
-- The primary team stays on the person row.
CREATE TABLE team_member (
    team_id     UUID NOT NULL REFERENCES team (id),
    person_id   UUID NOT NULL REFERENCES person (id),
    account_id  UUID NOT NULL REFERENCES account (id),
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_team_member PRIMARY KEY (team_id, person_id)
);
CREATE INDEX ix_team_member_person ON team_member (person_id);
