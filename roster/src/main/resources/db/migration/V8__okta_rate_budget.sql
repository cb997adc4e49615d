-- Each account's share of each Okta rate-limit bucket, shared by every Roster instance: a call takes one
-- unit of allowance in one atomic UPDATE, and every Okta answer's X-Rate-Limit-* headers correct it.

CREATE TABLE okta_rate_budget (
    account_id   UUID        NOT NULL REFERENCES account (id),
    bucket       VARCHAR(50) NOT NULL,
    -- when Okta's current window ends (epoch seconds, X-Rate-Limit-Reset)
    window_reset BIGINT      NOT NULL,
    -- the bucket's limit per window (X-Rate-Limit-Limit)
    bucket_limit BIGINT      NOT NULL,
    -- calls all instances together may still start in this window
    allowance    BIGINT      NOT NULL,
    PRIMARY KEY (account_id, bucket)
);
