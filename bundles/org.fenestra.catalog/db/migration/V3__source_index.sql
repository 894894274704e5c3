-- V3: an extracted image is stored as index 1 of its own WIM, so the catalog keeps both indexes:
-- image_index is the index inside stored_path (what servicing and distribution open),
-- source_index the one the admin chose in source_path. stored_file_created says the import
-- wrote stored_path (an extracted index): removing the image deletes that file, and only it.

ALTER TABLE os_image ADD COLUMN source_index INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE os_image ADD COLUMN stored_file_created BOOLEAN DEFAULT FALSE NOT NULL;

-- Before V3 image_index held the source's index even when stored_path was an extracted WIM
-- (which holds that image as its index 1); a stored path other than the source is such a file.
UPDATE os_image SET source_index = image_index;
UPDATE os_image SET stored_file_created = TRUE, image_index = 1 WHERE stored_path <> source_path;

ALTER TABLE os_image ADD CONSTRAINT ck_os_image_source_index CHECK (source_index >= 1);
