package org.fenestra.registry;

/** An edit named a key that the hive does not have. */
public class NoSuchKeyException extends HiveException {
    private static final long serialVersionUID = 1L;

    public NoSuchKeyException(String path) {
        super("no such key: " + path);
    }
}
