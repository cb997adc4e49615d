-- Batched re-reads of users waiting to sync (UserSyncJob, BatchedUserReads).
-- synced_requested: the request counter as it was before the last Okta read that covered this user (the
--   user's own job's, or a batch search made by another user's job); a job whose counter has not moved past
--   it has nothing to read. Null for rows from before this migration: their own jobs read them.
-- read_claim, read_claimed_at: the batch reading this user right now, so two jobs do not read them twice;
--   a claim older than a few minutes is abandoned (its job died) and taken over.
ALTER TABLE okta_user_sync ADD COLUMN synced_requested BIGINT;
ALTER TABLE okta_user_sync ADD COLUMN read_claim UUID;
ALTER TABLE okta_user_sync ADD COLUMN read_claimed_at TIMESTAMP WITH TIME ZONE;
