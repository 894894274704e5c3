package org.fenestra.cab;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fenestra.cab.errors.CabEntryNotFoundException;
import org.fenestra.cab.errors.CabEntryTooLargeException;
import org.fenestra.cab.errors.CabException;
import org.fenestra.cab.internal.extract.CabExtractor;
import org.fenestra.cab.internal.format.CabFileRecord;
import org.fenestra.cab.internal.format.CabinetLayout;
import org.fenestra.cab.internal.read.CabinetChannel;
import org.fenestra.cab.internal.read.EntryInputStream;
import org.fenestra.cab.internal.read.FolderReader;

/**
 * An open Microsoft cabinet (MS-CAB): its entries, and their data from uncompressed, MSZIP and
 * LZX folders, every block checked (checksum, sizes) as it is read. Quantum folders and cabinets
 * of a multi-cabinet set are refused. The file is read only through
 * {@link java.nio.file.Files#newByteChannel}, so a path on any file system works. Safe to use from
 * several threads; each stream from {@link #openEntry} is for one thread.
 *
 * @since 0.1
 */
public final class Cabinet implements Closeable {

    private final CabinetChannel channel;
    private final CabinetLayout layout;
    private final List<CabEntry> entries;
    private final Map<CabEntry, Integer> indexOf = new IdentityHashMap<>();
    /**
     * The reader of the entry stream closed last, left where that stream stopped: the next
     * {@link #openEntry} of a later entry of the same folder continues from there instead of
     * decoding the folder from its start again (reading a folder's entries in order is linear).
     */
    private FolderReader parked;
    private boolean closed;

    private Cabinet(CabinetChannel channel, CabinetLayout layout) {
        this.channel = channel;
        this.layout = layout;
        List<CabEntry> list = new ArrayList<>(layout.files().size());
        for (CabFileRecord f : layout.files()) {
            CabEntry e = new CabEntry(f.name(), f.size(), dosTime(f.date(), f.time()), f.attributes(), f.folder());
            indexOf.put(e, list.size());
            list.add(e);
        }
        this.entries = List.copyOf(list);
    }

    /**
     * Opens a cabinet and reads its records (header, folders, files).
     *
     * @throws org.fenestra.cab.errors.CorruptCabinetException if the records are malformed or lie
     *         outside the file (also: not a cabinet, truncated)
     * @throws org.fenestra.cab.errors.UnsupportedCabinetException for Quantum folders, unknown
     *         compression and multi-cabinet sets
     */
    public static Cabinet open(Path file) throws IOException {
        CabinetChannel channel = CabinetChannel.open(file);
        try {
            return new Cabinet(channel, CabinetLayout.read(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return channel.file();
    }

    /** The entries in the order the cabinet stores them. */
    public List<CabEntry> entries() {
        return entries;
    }

    /** Number of folders (independently compressed streams). */
    public int folderCount() {
        return layout.folders().size();
    }

    /**
     * The first entry whose name is {@code name}, ignoring case and taking {@code \} and
     * {@code /} as the same.
     */
    public Optional<CabEntry> find(String name) {
        String wanted = normalize(name);
        for (CabEntry e : entries) {
            if (normalize(e.name()).equals(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * A stream of the entry's data. The folder is decoded up to the entry: from where the last
     * closed stream of that folder stopped when the entry lies after it (entries read in order
     * cost one pass over the folder), else from the folder's start. The stream fails with a
     * {@link org.fenestra.cab.errors.CorruptCabinetException} on a bad block.
     */
    public InputStream openEntry(CabEntry entry) throws IOException {
        CabFileRecord file = layout.files().get(indexOf(entry));
        FolderReader reader = unpark(file.folder(), file.folderOffset());
        if (reader == null) {
            reader = new FolderReader(channel, layout.header(), layout.folders().get(file.folder()));
        }
        try {
            return new EntryInputStream(reader, file, this::park);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Keeps the reader a stream closed with, for the next entry of its folder (one is kept). */
    private void park(FolderReader reader) {
        FolderReader dropped;
        synchronized (this) {
            dropped = closed ? reader : parked;
            if (!closed) {
                parked = reader;
            }
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    /** The parked reader if it is of {@code folder} and not past {@code offset}, taken; else null. */
    private synchronized FolderReader unpark(int folder, long offset) {
        FolderReader reader = parked;
        if (reader == null || reader.folder().index() != folder || reader.position() > offset) {
            return null;
        }
        parked = null;
        return reader;
    }

    /**
     * Reads a whole entry found as {@link #find} does.
     *
     * @throws CabEntryNotFoundException if no entry has that name
     * @throws CabEntryTooLargeException if the entry is larger than {@code maxBytes}
     */
    public byte[] readEntry(String name, long maxBytes) throws IOException {
        CabEntry entry = find(name).orElseThrow(() -> new CabEntryNotFoundException(channel.name()
                + ": has no entry named " + name));
        if (entry.size() > maxBytes || entry.size() > Integer.MAX_VALUE - 8) {
            throw new CabEntryTooLargeException(channel.name() + ": entry " + entry.name() + " has " + entry.size()
                    + " bytes, more than the " + maxBytes + " allowed");
        }
        try (InputStream in = openEntry(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) entry.size());
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /**
     * Extracts every entry under {@code targetDir} (created if missing), folders as the names
     * say. Every name is checked first (see {@link org.fenestra.cab.errors.UnsafeEntryNameException});
     * a file appears under its name only when complete.
     *
     * @throws org.fenestra.cab.errors.CabCancelledException when {@code progress} cancels
     */
    public ExtractReport extractAll(Path targetDir, CabProgress progress) throws IOException {
        int[] all = new int[entries.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new CabExtractor(channel, layout, progress).extract(all, entries, targetDir);
    }

    /** Extracts the given entries (of this cabinet) as {@link #extractAll} does. */
    public ExtractReport extract(Collection<CabEntry> selected, Path targetDir, CabProgress progress)
            throws IOException {
        int[] indexes = new int[selected.size()];
        int n = 0;
        for (CabEntry e : selected) {
            indexes[n++] = indexOf(e);
        }
        return new CabExtractor(channel, layout, progress).extract(indexes, entries, targetDir);
    }

    private int indexOf(CabEntry entry) throws CabException {
        Objects.requireNonNull(entry, "entry");
        Integer index = indexOf.get(entry);
        if (index == null) {
            index = entries.indexOf(entry);
        }
        if (index < 0) {
            throw new CabEntryNotFoundException(channel.name() + ": " + entry.name() + " is not an entry of this cabinet");
        }
        return index;
    }

    private static String normalize(String name) {
        return name.replace('/', '\\').toLowerCase(Locale.ROOT);
    }

    /** DOS date and time as local time, as cabextract reads them; 1980-01-01 when invalid. */
    static Instant dosTime(int date, int time) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            return LocalDateTime.of(1980 + (date >>> 9), (date >>> 5) & 0xF, date & 0x1F, time >>> 11,
                    (time >>> 5) & 0x3F, (time & 0x1F) * 2).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return LocalDateTime.of(1980, 1, 1, 0, 0).atZone(zone).toInstant();
        }
    }

    @Override
    public void close() throws IOException {
        FolderReader reader;
        synchronized (this) {
            closed = true;
            reader = parked;
            parked = null;
        }
        if (reader != null) {
            reader.close();
        }
        channel.close();
    }
}
