-- V5 (servicing; to be renumbered V6 after distribution's V5): offline servicing runs of OS images
-- (org.fenestra.servicing keeps the SQL in its own table classes). servicing_run: one row per run,
-- its history line (date, result, sizes, files); servicing_run_update: what became of each update.

INSERT INTO id_counter (counter_name, last_value) VALUES ('servicing_run', 0);

CREATE TABLE servicing_run (
    run_id            BIGINT        NOT NULL,
    image_id          VARCHAR(16)   NOT NULL,
    -- SCHEDULED, IN_PROCESS, SUCCESSFUL, FAILED, CANCELLED
    status            VARCHAR(16)   NOT NULL,
    -- 0..100 while IN_PROCESS
    percent_done      INTEGER       NOT NULL,
    -- Set by servicing-cancel (from any site server); the running pipeline polls it and stops.
    cancel_requested  BOOLEAN       NOT NULL,
    continue_on_error BOOLEAN       NOT NULL,
    optimize          BOOLEAN       NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    size_before       BIGINT        NOT NULL,
    size_after        BIGINT        NOT NULL,
    files_added       INTEGER       NOT NULL,
    files_changed     INTEGER       NOT NULL,
    files_removed     INTEGER       NOT NULL,
    message           VARCHAR(4000) NOT NULL,
    log_file          VARCHAR(2048) NOT NULL,
    CONSTRAINT pk_servicing_run PRIMARY KEY (run_id),
    CONSTRAINT fk_servicing_run_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);

CREATE INDEX ix_servicing_run_image ON servicing_run (image_id);

CREATE TABLE servicing_run_update (
    run_id     BIGINT        NOT NULL,
    position   INTEGER       NOT NULL,
    update_id  VARCHAR(16)   NOT NULL,
    -- APPLIED, FAILED, NOT_SUPPORTED, SKIPPED
    outcome    VARCHAR(16)   NOT NULL,
    servicer   VARCHAR(32)   NOT NULL,
    detail     VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_servicing_run_update PRIMARY KEY (run_id, position),
    CONSTRAINT fk_servicing_run_update_run FOREIGN KEY (run_id) REFERENCES servicing_run (run_id) ON DELETE CASCADE
);

-- One schedule per image: what to apply and when (recurrence: 'once <instant>' or 'monthly 2nd tue +3d 03:00'),
-- its status (SCHEDULED, IN_PROCESS, then the last run's result, or CANCELLED), and the site server
-- holding it while it runs (taken with a conditional UPDATE, so exactly one server runs each due schedule).
CREATE TABLE servicing_schedule (
    image_id          VARCHAR(16)   NOT NULL,
    -- one update ID per line; empty with all_applicable
    update_ids        VARCHAR(4000) NOT NULL,
    all_applicable    BOOLEAN       NOT NULL,
    recurrence        VARCHAR(128)  NOT NULL,
    next_run          TIMESTAMP WITH TIME ZONE,
    continue_on_error BOOLEAN       NOT NULL,
    optimize          BOOLEAN       NOT NULL,
    update_dps        BOOLEAN       NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    last_run_id       BIGINT        NOT NULL,
    message           VARCHAR(4000) NOT NULL,
    lease_owner       VARCHAR(256),
    CONSTRAINT pk_servicing_schedule PRIMARY KEY (image_id),
    CONSTRAINT fk_servicing_schedule_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);
