-- V1: OS images and the counters that allocate site-wide IDs.
-- Portable SQL only (H2 2.x and PostgreSQL 12+). Statements end with ';' at the end of a line.
-- Keys and constraints are named so that later migrations (updates, schedules, distribution
-- points) can reference them, e.g. FOREIGN KEY (image_id) REFERENCES os_image (image_id).

-- One row per kind of ID. Allocation increments a row inside the inserting transaction:
-- the row lock serialises allocations across all site servers, and a rollback returns the value.
CREATE TABLE id_counter (
    counter_name VARCHAR(64) NOT NULL,
    last_value   BIGINT      NOT NULL,
    CONSTRAINT pk_id_counter PRIMARY KEY (counter_name)
);

INSERT INTO id_counter (counter_name, last_value) VALUES ('os_image', 0);

CREATE TABLE os_image (
    image_id         VARCHAR(16)   NOT NULL,
    image_name       VARCHAR(256)  NOT NULL,
    -- The name folded to upper case by the catalog: uniqueness ignores case, as on Windows,
    -- without expression indexes or collations (which differ between the databases).
    name_key         VARCHAR(256)  NOT NULL,
    image_version    VARCHAR(64)   NOT NULL,
    image_comment    VARCHAR(1024) NOT NULL,
    source_path      VARCHAR(2048) NOT NULL,
    stored_path      VARCHAR(2048) NOT NULL,
    image_index      INTEGER       NOT NULL,
    os_version       VARCHAR(64)   NOT NULL,
    os_edition       VARCHAR(128)  NOT NULL,
    architecture     VARCHAR(16)   NOT NULL,
    os_language      VARCHAR(32)   NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    date_added       TIMESTAMP WITH TIME ZONE NOT NULL,
    eula_accepted_by VARCHAR(256)  NOT NULL,
    eula_accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Raised by servicing each time the image content changes; distribution compares it.
    content_version  INTEGER       NOT NULL,
    CONSTRAINT pk_os_image PRIMARY KEY (image_id),
    CONSTRAINT uq_os_image_name_key UNIQUE (name_key),
    CONSTRAINT ck_os_image_index CHECK (image_index >= 1),
    CONSTRAINT ck_os_image_size CHECK (size_bytes >= 0),
    CONSTRAINT ck_os_image_content_version CHECK (content_version >= 1)
);
