-- V4: the software updates catalog (org.fenestra.updates keeps the SQL in its own table classes).
-- update_source: the folders admins drop packages in; software_update: one row per package file
-- found in a source, with what the package says about itself; image_update_scan and
-- image_installed_update: which packages each OS image holds (read from the WIM at import or on
-- demand, and applied by servicing since).
-- Lists a package is read with (build rules, supersedes, payloads) are stored as text, one item
-- per line: they are read and written whole with their package and never queried alone.

CREATE TABLE update_source (
    source_name VARCHAR(128)  NOT NULL,
    -- The name folded to upper case: names are unique ignoring case, as image names are.
    name_key    VARCHAR(128)  NOT NULL,
    source_path VARCHAR(2048) NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sync   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_update_source PRIMARY KEY (name_key)
);

INSERT INTO id_counter (counter_name, last_value) VALUES ('software_update', 0);

CREATE TABLE software_update (
    update_id           VARCHAR(16)   NOT NULL,
    -- The source's name_key; no foreign key: downloaded packages outlive their source (as expired).
    source_key          VARCHAR(128)  NOT NULL,
    source_name         VARCHAR(128)  NOT NULL,
    -- '/'-separated below the source folder; with source_key it identifies the file.
    relative_path       VARCHAR(1024) NOT NULL,
    source_path         VARCHAR(2048) NOT NULL,
    -- What the incremental synchronize compares: size and modification time, then the hash.
    file_size           BIGINT        NOT NULL,
    file_modified_ms    BIGINT        NOT NULL,
    sha256              VARCHAR(64)   NOT NULL,
    package_type        VARCHAR(16)   NOT NULL,
    article_id          VARCHAR(64)   NOT NULL,
    title               VARCHAR(1024) NOT NULL,
    classification      VARCHAR(128)  NOT NULL,
    product             VARCHAR(256)  NOT NULL,
    architecture        VARCHAR(16)   NOT NULL,
    -- name~publicKeyToken~architecture~language~version, or NULL for unknown packages
    package_identity    VARCHAR(512),
    applicable_builds   VARCHAR       NOT NULL,
    supersedes          VARCHAR       NOT NULL,
    release_date        DATE,
    offline_serviceable VARCHAR(16)   NOT NULL,
    offline_reason      VARCHAR(1024) NOT NULL,
    payloads            VARCHAR       NOT NULL,
    diagnostic          VARCHAR(2048) NOT NULL,
    update_state        VARCHAR(16)   NOT NULL,
    synchronized_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_software_update PRIMARY KEY (update_id),
    CONSTRAINT uq_software_update_file UNIQUE (source_key, relative_path),
    CONSTRAINT ck_software_update_size CHECK (file_size >= 0)
);

CREATE INDEX ix_software_update_article ON software_update (article_id);

CREATE TABLE image_update_scan (
    image_id     VARCHAR(16) NOT NULL,
    os_build     VARCHAR(64) NOT NULL,
    architecture VARCHAR(16) NOT NULL,
    scanned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_image_update_scan PRIMARY KEY (image_id),
    CONSTRAINT fk_image_update_scan_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);

CREATE TABLE image_installed_update (
    image_id         VARCHAR(16)  NOT NULL,
    -- The identity folded to upper case: servicing compares identities ignoring case.
    identity_key     VARCHAR(512) NOT NULL,
    package_identity VARCHAR(512) NOT NULL,
    article_id       VARCHAR(64)  NOT NULL,
    release_type     VARCHAR(128) NOT NULL,
    -- IN_IMAGE (read from the WIM) or APPLIED (by Fenestra's servicing, with its update_id)
    origin           VARCHAR(16)  NOT NULL,
    update_id        VARCHAR(16)  NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_image_installed_update PRIMARY KEY (image_id, origin, identity_key),
    CONSTRAINT fk_image_installed_update_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);
