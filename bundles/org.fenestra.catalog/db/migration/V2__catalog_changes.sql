-- V2: the change journal, so that every site server and workbench sharing this database hears
-- what the others changed. Each committed add/update/remove writes one row in its own
-- transaction; readers poll for rows past the last change they saw.

-- Change numbers come from the id_counter row: its row lock makes writers take numbers in the
-- order they commit, so a reader never sees change N+1 before change N.
INSERT INTO id_counter (counter_name, last_value) VALUES ('catalog_change', 0);

CREATE TABLE catalog_change (
    change_id   BIGINT      NOT NULL,
    change_kind VARCHAR(16) NOT NULL,
    image_id    VARCHAR(16) NOT NULL,
    -- The catalog instance (one per process) that made the change; it told its own listeners at once.
    origin      VARCHAR(36) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_catalog_change PRIMARY KEY (change_id)
);
