-- V4: distribution points, what each image's content is, and its status on each DP
-- (org.fenestra.distribution). Portable SQL (H2 2.x and PostgreSQL 12+).

-- A DP the site pushes to: its HTTPS URL, the SHA-256 fingerprint of its self-signed certificate
-- (the site trusts exactly that certificate) and the secret the DP made at first start (the site
-- presents it to push or delete; the site database is where the site keeps its trust).
CREATE TABLE distribution_point (
    dp_name      VARCHAR(64)   NOT NULL,
    -- the name folded to upper case: DP names are unique ignoring case, as image names are
    name_key     VARCHAR(64)   NOT NULL,
    dp_url       VARCHAR(512)  NOT NULL,
    fingerprint  VARCHAR(95)   NOT NULL,
    site_secret  VARCHAR(128)  NOT NULL,
    -- a pull-DP takes content from this DP instead of the site
    pull_from    VARCHAR(64),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_distribution_point PRIMARY KEY (dp_name),
    CONSTRAINT uq_distribution_point_name_key UNIQUE (name_key),
    CONSTRAINT fk_distribution_point_pull_from FOREIGN KEY (pull_from) REFERENCES distribution_point (dp_name)
);

-- An image's content as the site's content library holds it: package ID = image ID, the
-- package version raised each time the stored WIM's SHA-256 changes. The stored file's size and
-- modification time when it was hashed let a redistribution skip hashing an unchanged file.
CREATE TABLE content_package (
    image_id     VARCHAR(16)   NOT NULL,
    package_version INTEGER    NOT NULL,
    file_name    VARCHAR(256)  NOT NULL,
    file_sha256  CHAR(64)      NOT NULL,
    file_size    BIGINT        NOT NULL,
    file_modified_millis BIGINT NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_content_package PRIMARY KEY (image_id),
    CONSTRAINT fk_content_package_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE,
    CONSTRAINT ck_content_package_version CHECK (package_version >= 1)
);

-- Where an image's content is, per DP: WAITING, IN_PROGRESS (percent), INSTALLED (the
-- package version), FAILED (the reason in words).
CREATE TABLE content_status (
    image_id     VARCHAR(16)   NOT NULL,
    dp_name      VARCHAR(64)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    percent      INTEGER       NOT NULL,
    content_version INTEGER,
    reason       VARCHAR(4000),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_content_status PRIMARY KEY (image_id, dp_name),
    CONSTRAINT fk_content_status_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE,
    CONSTRAINT fk_content_status_dp FOREIGN KEY (dp_name) REFERENCES distribution_point (dp_name) ON DELETE CASCADE,
    CONSTRAINT ck_content_status_state CHECK (state IN ('WAITING', 'IN_PROGRESS', 'INSTALLED', 'FAILED')),
    CONSTRAINT ck_content_status_percent CHECK (percent BETWEEN 0 AND 100)
);

-- Site-wide distribution settings; 'download_key' signs the deployment tokens every DP checks.
CREATE TABLE distribution_setting (
    setting_name  VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(512) NOT NULL,
    CONSTRAINT pk_distribution_setting PRIMARY KEY (setting_name)
);
