package org.fenestra.registry;

/**
 * The hive was not written completely (its sequence numbers differ) and no usable transaction
 * log ({@code .LOG1}/{@code .LOG2}) brings it up to date, so its contents cannot be trusted.
 */
public class DirtyHiveException extends HiveException {
    private static final long serialVersionUID = 1L;

    public DirtyHiveException(String message) {
        super(message);
    }
}
