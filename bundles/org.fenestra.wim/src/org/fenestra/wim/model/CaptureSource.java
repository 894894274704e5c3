package org.fenestra.wim.model;

import java.nio.file.Path;

/**
 * One source of a multi-source capture (wimlib-imagex's {@code --source-list} line
 * {@code SOURCE [TARGET]}): a file or directory and where it goes in the image.
 *
 * @param source a directory, file or symbolic link on disk
 * @param target the path it becomes in the image; "/" (or only slashes) makes a directory the root
 * @since 0.1
 */
public record CaptureSource(Path source, String target) {
}
