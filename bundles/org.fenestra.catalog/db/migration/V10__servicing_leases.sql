-- V7 (servicing leases and the commit journal; the lead may renumber it after the other V7s):
-- which site server runs what, so a starting server fails only the runs of servers that are gone.

-- One row per running site server process: it renews expires_at every third of its lease; a row whose
-- expires_at has passed belongs to a process that stopped or was killed.
CREATE TABLE servicing_server (
    server_id    VARCHAR(128)  NOT NULL,
    host         VARCHAR(256)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_servicing_server PRIMARY KEY (server_id)
);

-- The server process running the run (NULL for runs recorded before V7: treated as expired), and its
-- work folder, so whoever recovers the run on that host can remove it.
ALTER TABLE servicing_run ADD COLUMN server_id VARCHAR(128);
ALTER TABLE servicing_run ADD COLUMN work_folder VARCHAR(2048);

-- The commit journal: written (with the run's update outcomes) before the serviced WIM is renamed over
-- the catalog's file, removed when the run is recorded. A row left by a killed process is finished at the
-- next start: if the catalog's file has the new WIM's SHA-256 the rename happened and the run is recorded
-- as committed, else the temporary file is removed and the run failed (nothing committed).
CREATE TABLE servicing_commit (
    run_id         BIGINT        NOT NULL,
    image_id       VARCHAR(16)   NOT NULL,
    stored_path    VARCHAR(2048) NOT NULL,
    temporary_path VARCHAR(2048) NOT NULL,
    new_sha256     VARCHAR(64)   NOT NULL,
    size_after     BIGINT        NOT NULL,
    -- the run's status once committed: SUCCESSFUL, or FAILED with continue on error
    final_status   VARCHAR(16)   NOT NULL,
    final_message  VARCHAR(4000) NOT NULL,
    -- the updates applied, one ID per line, for the image's installed updates
    applied_ids    VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_servicing_commit PRIMARY KEY (run_id),
    CONSTRAINT fk_servicing_commit_run FOREIGN KEY (run_id) REFERENCES servicing_run (run_id) ON DELETE CASCADE
);

-- Site-wide servicing settings, e.g. 'drive': the folder servicing work folders are made on (absent: Automatic).
CREATE TABLE servicing_setting (
    setting_name  VARCHAR(64)   NOT NULL,
    setting_value VARCHAR(2048) NOT NULL,
    CONSTRAINT pk_servicing_setting PRIMARY KEY (setting_name)
);
