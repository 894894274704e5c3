package org.fenestra.servicing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL of {@code servicing_setting} (catalog migration V7): site-wide servicing settings by name. */
final class SettingTable {

    /** The setting's value, or null when it was never set. */
    String get(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT setting_value FROM servicing_setting WHERE setting_name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM servicing_setting WHERE setting_name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO servicing_setting (setting_name, setting_value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }
}
