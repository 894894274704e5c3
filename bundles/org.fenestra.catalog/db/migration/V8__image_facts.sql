-- V7: what each OS image says about itself in its own registry hives (SOFTWARE, SYSTEM), read at
-- import. One row per image that has facts; an image without a row has unknown facts. Unknown
-- numbers are NULL, unknown texts empty; languages one per line.

CREATE TABLE os_image_facts (
    image_id          VARCHAR(16)   NOT NULL,
    product_name      VARCHAR(256)  NOT NULL,
    edition_id        VARCHAR(128)  NOT NULL,
    installation_type VARCHAR(64)   NOT NULL,
    os_build          BIGINT,
    os_ubr            BIGINT,
    display_version   VARCHAR(64)   NOT NULL,
    languages         VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_os_image_facts PRIMARY KEY (image_id),
    CONSTRAINT fk_os_image_facts_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);
