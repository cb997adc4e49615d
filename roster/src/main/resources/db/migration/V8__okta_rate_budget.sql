-- Each account's share of each Okta rate-limit bucket, shared by every Roster instance. Okta's answers tell
-- how much of the bucket remains; the calls Roster has started but Okta has not yet answered are counted
-- here, so that all instances together start a call only while remaining − in flight is above the part
-- owed to the org's other integrations. Each change is one atomic UPDATE.

CREATE TABLE okta_rate_budget (
    account_id   UUID        NOT NULL REFERENCES account (id),
    bucket       VARCHAR(50) NOT NULL,
    -- when Okta's current window ends (epoch seconds, X-Rate-Limit-Reset)
    window_reset BIGINT      NOT NULL,
    -- the bucket's limit per window (X-Rate-Limit-Limit)
    bucket_limit BIGINT      NOT NULL,
    -- what Okta last said remains in this window (X-Rate-Limit-Remaining), lowest answer wins
    remaining    BIGINT      NOT NULL,
    -- calls started by any instance and not answered yet
    in_flight    BIGINT      NOT NULL,
    PRIMARY KEY (account_id, bucket)
);
