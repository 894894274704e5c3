-- V7: content validation on a schedule (org.fenestra.distribution). Portable SQL (H2 2.x and
-- PostgreSQL 12+). One row per scope: a DP's name, or '*' for every registered DP. The site
-- server runs a schedule when next_run_at has passed, after moving next_run_at on by the
-- interval in the same statement that claims it, so two site servers never run it twice.
CREATE TABLE validation_schedule (
    scope            VARCHAR(64)  NOT NULL,
    interval_minutes INTEGER      NOT NULL,
    next_run_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at      TIMESTAMP WITH TIME ZONE,
    -- what the last run found, in words: each damaged file with what was expected
    last_result      VARCHAR(4000),
    CONSTRAINT pk_validation_schedule PRIMARY KEY (scope),
    CONSTRAINT ck_validation_schedule_interval CHECK (interval_minutes >= 1)
);
