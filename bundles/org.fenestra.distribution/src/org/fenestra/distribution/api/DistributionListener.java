package org.fenestra.distribution.api;

/**
 * Hears status changes while content is distributed (from several threads at once), and can
 * cancel: transfers stop at their next piece, their DPs' status FAILED "cancelled".
 *
 * @since 0.1
 */
public interface DistributionListener {

    DistributionListener NONE = status -> {
    };

    void statusChanged(ContentStatus status);

    default boolean isCancelled() {
        return false;
    }
}
