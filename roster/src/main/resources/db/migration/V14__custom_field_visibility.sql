-- Who sees a custom field on other people's pages: admins only (as before), or everyone in the account.
-- A person always sees their own values on My profile.
ALTER TABLE custom_field ADD COLUMN visibility VARCHAR(16) DEFAULT 'admins' NOT NULL;
ALTER TABLE custom_field ADD CONSTRAINT ck_custom_field_visibility CHECK (visibility IN ('admins', 'everyone'));
