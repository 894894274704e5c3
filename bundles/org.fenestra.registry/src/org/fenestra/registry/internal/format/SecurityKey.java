package org.fenestra.registry.internal.format;

/**
 * A security key cell ("sk"), shared by every key with the same descriptor; the sk cells form a
 * ring through their previous/next fields.
 *
 * <pre>
 *      0    2 "sk"
 *      2    2 reserved
 *      4    4 previous sk cell
 *      8    4 next sk cell
 *     12    4 reference count (keys pointing here)
 *     16    4 descriptor size
 *     20    . self-relative security descriptor
 * </pre>
 */
public final class SecurityKey {
    public static final int PREVIOUS = 4;
    public static final int NEXT = 8;
    public static final int REFERENCES = 12;
    public static final int DESCRIPTOR_SIZE = 16;
    public static final int DESCRIPTOR = 20;

    private SecurityKey() {
    }
}
