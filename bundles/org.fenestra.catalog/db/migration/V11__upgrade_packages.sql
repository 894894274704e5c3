-- V11 (OS upgrade packages; the lead may renumber it after the other V11s): a Windows setup media
-- folder (setup.exe, sources/install.wim and the rest) copied into the data folder. Its
-- sources/install.wim is a servicing target like an OS image: a row of os_image with the package's
-- ID (allocated from the same counter), name, version and comment, so applicability, installed
-- updates, schedules, servicing runs and facts work on it unchanged. This table marks that row as a
-- package's and adds the package's folder; image listings leave such rows out.

CREATE TABLE upgrade_package (
    package_id    VARCHAR(16)   NOT NULL,
    -- the copied setup media folder; its sources/install.wim is os_image.stored_path
    stored_folder VARCHAR(2048) NOT NULL,
    -- every file of the folder together, as copied
    folder_bytes  BIGINT        NOT NULL,
    file_count    INTEGER       NOT NULL,
    CONSTRAINT pk_upgrade_package PRIMARY KEY (package_id),
    CONSTRAINT fk_upgrade_package_image FOREIGN KEY (package_id) REFERENCES os_image (image_id) ON DELETE CASCADE,
    CONSTRAINT ck_upgrade_package_bytes CHECK (folder_bytes >= 0)
);
