package org.fenestra.console.internal;

import java.util.ArrayList;
import java.util.List;

/** A left-aligned, fixed-width text table for console output that scripts can also cut. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    String format() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        rows.forEach(row -> appendLine(out, row, widths));
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i + 1 < cells.size() ? String.format("%-" + widths[i] + "s  ", cells.get(i)) : cells.get(i));
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
