package org.fenestra.wim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.WimException;

/**
 * Everything {@link WimFile#verify} found; problems are listed, not thrown one at a time.
 *
 * @since 0.1
 */
public final class WimVerifyReport {

    /** A file refers to a blob no opened part holds. */
    public record MissingBlob(String path, byte[] hash) {
    }

    private final List<String> withoutIntegrity = new ArrayList<>();
    private final List<MissingBlob> missing = new ArrayList<>();
    private final List<CorruptBlob> bad = new ArrayList<>();
    private boolean split;
    private long blobsChecked;

    void noIntegrityTable(String file) {
        withoutIntegrity.add(file);
    }

    void missing(MissingBlob m) {
        missing.add(m);
    }

    void bad(CorruptBlob b) {
        bad.add(b);
    }

    void split(boolean isSplit) {
        this.split = isSplit;
    }

    void checked() {
        blobsChecked++;
    }

    /** Files (parts) that have no integrity table, so only blob hashes were checked. */
    public List<String> filesWithoutIntegrityTable() {
        return Collections.unmodifiableList(withoutIntegrity);
    }

    public List<MissingBlob> missingBlobs() {
        return Collections.unmodifiableList(missing);
    }

    public List<CorruptBlob> badBlobs() {
        return Collections.unmodifiableList(bad);
    }

    public long blobsChecked() {
        return blobsChecked;
    }

    public boolean ok() {
        return missing.isEmpty() && bad.isEmpty();
    }

    /** Throws the typed exception of the first problem, in wimlib's order (missing data first). */
    public void throwIfFailed() throws WimException {
        if (!missing.isEmpty()) {
            MissingBlob m = missing.get(0);
            String msg = missing.size() + " blob(s) not found, first \"" + m.path() + "\" (SHA-1 "
                    + org.fenestra.wim.internal.format.LittleEndian.hex(m.hash()) + ")";
            throw split ? new MissingSplitPartException(msg + "; open the other parts of the split WIM")
                    : new MissingBlobException(msg);
        }
        if (!bad.isEmpty()) {
            CorruptBlob b = bad.get(0);
            if (b.error() != null) {
                throw b.error();
            }
            throw new BlobHashMismatchException(b.file() + ": " + bad.size() + " corrupted blob(s), first at offset "
                    + b.resourceOffset() + ": expected SHA-1 " + org.fenestra.wim.internal.format.LittleEndian.hex(b.expectedHash())
                    + ", actual " + org.fenestra.wim.internal.format.LittleEndian.hex(b.actualHash()));
        }
    }
}
