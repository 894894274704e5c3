package org.fenestra.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements. Deliberately simple, because JDBC runs one
 * statement at a time and the scripts are ours: a statement ends with {@code ;} at the end of a
 * line, and a line whose first non-blank characters are {@code --} is a comment.
 */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("The script ends inside a statement (missing ';'): " + current.toString().strip());
        }
        return statements;
    }
}
