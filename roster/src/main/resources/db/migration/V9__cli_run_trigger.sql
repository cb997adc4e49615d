-- Reconciliations started from the operator command line (`roster sync`) say so in the run history.
ALTER TABLE okta_sync_run DROP CONSTRAINT ck_sync_run_trigger;
ALTER TABLE okta_sync_run ADD CONSTRAINT ck_sync_run_trigger
    CHECK (run_trigger IN ('schedule', 'manual', 'api', 'cli'));
