-- The demo's first reconciliation, started by the application itself, says "startup" in the run
-- history instead of passing for a click on Sync users.
ALTER TABLE okta_sync_run DROP CONSTRAINT ck_sync_run_trigger;
ALTER TABLE okta_sync_run ADD CONSTRAINT ck_sync_run_trigger
    CHECK (run_trigger IN ('schedule', 'manual', 'api', 'cli', 'startup'));
