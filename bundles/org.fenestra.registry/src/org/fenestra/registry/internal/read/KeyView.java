package org.fenestra.registry.internal.read;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.internal.format.Names;

/**
 * A key of a validated {@link HiveImage}. The image's bytes are never changed once a view exists
 * (an edit works on a copy), so the view stays what it was.
 */
public final class KeyView implements RegistryKey {
    private static final long FILETIME_UNIX_EPOCH = 116444736000000000L;

    private final HiveImage image;
    private final int cell;
    private final KeyView parent;
    private final String name;

    private KeyView(HiveImage image, int cell, KeyView parent) {
        this.image = image;
        this.cell = cell;
        this.parent = parent;
        this.name = read(() -> image.keyName(cell));
    }

    public static KeyView root(HiveImage image) {
        return new KeyView(image, read(image::rootCell), null);
    }

    /** The key's nk cell. */
    public int cell() {
        return cell;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String path() {
        if (parent == null) {
            return "";
        }
        String parentPath = parent.path();
        return parentPath.isEmpty() ? name : parentPath + "\\" + name;
    }

    @Override
    public Optional<RegistryKey> parent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public Instant lastWritten() {
        long filetime = read(() -> image.lastWritten(cell));
        long unix100ns = filetime - FILETIME_UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(unix100ns, 10_000_000L), Math.floorMod(unix100ns, 10_000_000L) * 100);
    }

    @Override
    public Optional<String> className() {
        return Optional.ofNullable(read(() -> image.className(cell)));
    }

    @Override
    public Optional<byte[]> securityDescriptor() {
        return Optional.ofNullable(read(() -> image.securityDescriptor(cell)));
    }

    @Override
    public List<RegistryKey> subkeys() {
        int[] cells = read(() -> image.subkeys(cell));
        List<RegistryKey> keys = new ArrayList<>(cells.length);
        for (int child : cells) {
            keys.add(new KeyView(image, child, this));
        }
        return keys;
    }

    @Override
    public Optional<RegistryKey> subkey(String childName) {
        // Lists are sorted in files Windows wrote, not always in others': look at every entry.
        for (int child : read(() -> image.subkeys(cell))) {
            if (Names.equal(read(() -> image.keyName(child)), childName)) {
                return Optional.of(new KeyView(image, child, this));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<RegistryKey> find(String relativePath) {
        RegistryKey key = this;
        for (String part : relativePath.split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<RegistryKey> next = key.subkey(part);
            if (next.isEmpty()) {
                return next;
            }
            key = next.get();
        }
        return Optional.of(key);
    }

    @Override
    public List<RegistryValue> values() {
        int[] cells = read(() -> image.values(cell));
        List<RegistryValue> values = new ArrayList<>(cells.length);
        for (int vk : cells) {
            values.add(value(vk));
        }
        return values;
    }

    @Override
    public Optional<RegistryValue> value(String valueName) {
        for (int vk : read(() -> image.values(cell))) {
            if (Names.equal(read(() -> image.valueName(vk)), valueName)) {
                return Optional.of(value(vk));
            }
        }
        return Optional.empty();
    }

    private RegistryValue value(int vk) {
        return read(() -> new RegistryValue(image.valueName(vk), image.valueType(vk), image.valueData(vk)));
    }

    @Override
    public String toString() {
        return "\\" + path();
    }

    private interface HiveRead<T> {
        T get() throws CorruptHiveException;
    }

    /** The image was validated: a failure here means a bug, but it still carries the offset. */
    private static <T> T read(HiveRead<T> read) {
        try {
            return read.get();
        } catch (CorruptHiveException e) {
            throw new UncheckedIOException(e);
        }
    }
}
