package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Allocates OS image IDs ({@code FEN00001}, {@code FEN00002}, …) from the {@code id_counter} row,
 * inside the caller's transaction. The UPDATE locks the row until that transaction ends, so
 * concurrent adds, also from other site servers on the same database, get distinct IDs in turn;
 * a rolled-back add gives its number back, so IDs have no gaps from failures.
 */
final class ImageIdAllocator {

    static final String PREFIX = "FEN";
    private static final String COUNTER = "os_image";

    String allocate(Connection connection) throws SQLException {
        try (PreparedStatement increment = connection.prepareStatement(
                "UPDATE id_counter SET last_value = last_value + 1 WHERE counter_name = ?")) {
            increment.setString(1, COUNTER);
            if (increment.executeUpdate() != 1) {
                throw new SQLException("The id_counter row '" + COUNTER + "' is missing; the schema is damaged");
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM id_counter WHERE counter_name = ?")) {
            read.setString(1, COUNTER);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return format(row.getLong(1));
            }
        }
    }

    /** Five digits at least, as admins know them; more once a site passes 99999 images. */
    static String format(long number) {
        return PREFIX + String.format("%05d", number);
    }
}
