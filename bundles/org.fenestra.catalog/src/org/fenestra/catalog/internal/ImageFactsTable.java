package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fenestra.catalog.api.ImageFacts;

/** The {@code os_image_facts} table (V7): an image's {@link ImageFacts}, one row per image that has any. */
final class ImageFactsTable {

    /** Replaces the image's facts; unknown facts delete its row. */
    void store(Connection connection, String imageId, ImageFacts facts) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM os_image_facts WHERE image_id = ?")) {
            delete.setString(1, imageId);
            delete.executeUpdate();
        }
        if (!facts.isKnown()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO os_image_facts (image_id,"
                + " product_name, edition_id, installation_type, os_build, os_ubr, display_version, languages)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int column = 0;
            insert.setString(++column, imageId);
            insert.setString(++column, facts.productName());
            insert.setString(++column, facts.editionId());
            insert.setString(++column, facts.installationType());
            setNumber(insert, ++column, facts.build());
            setNumber(insert, ++column, facts.ubr());
            insert.setString(++column, facts.displayVersion());
            insert.setString(++column, String.join("\n", facts.languages()));
            insert.executeUpdate();
        }
    }

    Optional<ImageFacts> select(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT product_name, edition_id,"
                + " installation_type, os_build, os_ubr, display_version, languages FROM os_image_facts"
                + " WHERE image_id = ?")) {
            select.setString(1, imageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String languages = row.getString("languages");
                return Optional.of(new ImageFacts(row.getString("product_name"), row.getString("edition_id"),
                        row.getString("installation_type"), number(row, "os_build"), number(row, "os_ubr"),
                        row.getString("display_version"),
                        languages.isEmpty() ? List.of() : Arrays.asList(languages.split("\n"))));
            }
        }
    }

    private static void setNumber(PreparedStatement statement, int column, long value) throws SQLException {
        if (value < 0) {
            statement.setNull(column, Types.BIGINT);
        } else {
            statement.setLong(column, value);
        }
    }

    private static long number(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? -1 : value;
    }
}
