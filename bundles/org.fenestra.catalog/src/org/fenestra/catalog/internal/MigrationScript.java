package org.fenestra.catalog.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change, from a file named {@code V<version>__<description>.sql}.
 *
 * @param version     1, 2, …: the schema version after this script
 * @param description from the file name, e.g. {@code os_images}
 * @param sql         the script; statements end with {@code ;} at the end of a line, and
 *                    lines starting with {@code --} are comments
 */
record MigrationScript(int version, String description, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    MigrationScript {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /** @throws IllegalArgumentException if the name does not follow {@code V<version>__<description>.sql} */
    static MigrationScript named(String fileName, String sql) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Migration file name '" + fileName
                    + "' does not follow V<version>__<description>.sql");
        }
        return new MigrationScript(Integer.parseInt(matcher.group(1)), matcher.group(2), sql);
    }

    String name() {
        return "V" + version + "__" + description;
    }

    /** The script's statements, without comments and without the terminating {@code ;}. */
    List<String> statements() {
        return SqlScript.statements(sql);
    }
}
