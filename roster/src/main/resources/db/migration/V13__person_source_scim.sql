-- People can be provisioned over SCIM as well as from Okta's API or by hand.
ALTER TABLE person DROP CONSTRAINT ck_person_source;
ALTER TABLE person ADD CONSTRAINT ck_person_source CHECK (source IN ('okta', 'manual', 'scim'));
