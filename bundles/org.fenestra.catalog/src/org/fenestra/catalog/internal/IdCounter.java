package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Takes the next number of one {@code id_counter} row inside the caller's transaction. The
 * UPDATE locks the row until that transaction ends, so concurrent writers, also on other site
 * servers, get distinct numbers in turn and commit in number order; a rollback gives the number
 * back, so numbers have no gaps from failures.
 */
final class IdCounter {

    private final String counterName;

    IdCounter(String counterName) {
        this.counterName = counterName;
    }

    long next(Connection connection) throws SQLException {
        try (PreparedStatement increment = connection.prepareStatement(
                "UPDATE id_counter SET last_value = last_value + 1 WHERE counter_name = ?")) {
            increment.setString(1, counterName);
            if (increment.executeUpdate() != 1) {
                throw new SQLException("The id_counter row '" + counterName + "' is missing; the schema is damaged");
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM id_counter WHERE counter_name = ?")) {
            read.setString(1, counterName);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
