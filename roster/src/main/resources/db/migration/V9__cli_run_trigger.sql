-- Reconciliations started from the operator command line (`roster sync`) say so in the run history,
-- and beat while they run: a command killed outright (kill -9, a lost host) has no job on the queue
-- for another instance to revive, so its silence is what frees the account for its next run.
ALTER TABLE okta_sync_run DROP CONSTRAINT ck_sync_run_trigger;
ALTER TABLE okta_sync_run ADD CONSTRAINT ck_sync_run_trigger
    CHECK (run_trigger IN ('schedule', 'manual', 'api', 'cli'));
ALTER TABLE okta_sync_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
