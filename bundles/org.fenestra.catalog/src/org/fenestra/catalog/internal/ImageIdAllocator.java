package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Allocates OS image IDs ({@code FEN00001}, {@code FEN00002}, …) from the {@code os_image}
 * {@link IdCounter}: distinct across site servers, without gaps from failed adds.
 */
final class ImageIdAllocator {

    static final String PREFIX = "FEN";

    private final IdCounter counter = new IdCounter("os_image");

    String allocate(Connection connection) throws SQLException {
        return format(counter.next(connection));
    }

    /** Five digits at least, as admins know them; more once a site passes 99999 images. */
    static String format(long number) {
        return PREFIX + String.format("%05d", number);
    }
}
