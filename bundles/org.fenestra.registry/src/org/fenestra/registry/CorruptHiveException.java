package org.fenestra.registry;

/** The hive's bytes break the REGF format: bad signature or checksum, a cell outside the hive, a cycle. */
public class CorruptHiveException extends HiveException {
    private static final long serialVersionUID = 1L;

    public CorruptHiveException(String message, long offset) {
        super(message, offset);
    }
}
