-- Retention (roster.retention.*) prunes the hook inbox by delivery: an old delivery's events are
-- found, and the delivery's delete checks no event still references it, through this index. Without
-- it each of those is a scan of the whole event table on PostgreSQL (foreign keys get no index there).
CREATE INDEX ix_hook_event_delivery ON okta_hook_event (delivery_id);
