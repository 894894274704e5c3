package org.fenestra.updates.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** Conversions between the updates tables' column types and Java values, one way for every table. */
final class Columns {

    private Columns() {
    }

    // OffsetDateTime is the JDBC 4.2 type of TIMESTAMP WITH TIME ZONE that both drivers map exactly.
    static void setInstant(PreparedStatement statement, int column, Instant instant) throws SQLException {
        statement.setObject(column, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setDate(PreparedStatement statement, int column, LocalDate date) throws SQLException {
        statement.setDate(column, date == null ? null : Date.valueOf(date));
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /** A list stored as text, one item per line (items never contain line breaks). */
    static <T> String lines(List<T> items, Function<T, String> text) {
        StringBuilder joined = new StringBuilder();
        for (T item : items) {
            String line = text.apply(item).replace('\n', ' ').replace('\r', ' ');
            joined.append(joined.isEmpty() ? "" : "\n").append(line);
        }
        return joined.toString();
    }

    static <T> List<T> lines(String stored, Function<String, T> parse) {
        return stored == null || stored.isEmpty() ? List.of() : stored.lines().map(parse).toList();
    }
}
