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

    /** Once per DP whose push ended with the content installed: what the site sent it. @since 0.2 */
    default void contentSent(ContentTransfer transfer) {
    }

    default boolean isCancelled() {
        return false;
    }
}
