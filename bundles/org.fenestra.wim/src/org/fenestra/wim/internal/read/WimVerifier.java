package org.fenestra.wim.internal.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.CorruptBlobs;
import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.IntegrityTable;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimProgressAdapters;

/** The steps of {@code verify}, in wimlib's order: integrity tables, image metadata, every blob. */
public final class WimVerifier {

    /** What verification finds, as it finds it. */
    public interface Findings {
        void split(boolean isSplit);

        void noIntegrityTable(String file);

        /** A stream of the file at {@code path} refers to a blob no opened part holds (reported once per blob). */
        void missing(String path, byte[] hash);

        void checked();

        void bad(CorruptBlob blob);
    }

    private final OpenedWim wim;
    private final Findings findings;

    public WimVerifier(OpenedWim wim, Findings findings) {
        this.wim = wim;
        this.findings = findings;
    }

    public void run(WimProgress progress) throws IOException {
        findings.split(wim.isSplit());
        List<BlobDescriptor> blobs = wim.allBlobs();
        long total = 0;
        for (BlobDescriptor b : blobs) {
            total += b.size();
        }
        progress.beginTask("Verifying " + wim.fileName(), total);
        try {
            checkIntegrity(progress);
            checkImages(progress);
            checkBlobs(blobs, progress);
        } finally {
            progress.done();
        }
    }

    private void checkIntegrity(WimProgress progress) throws IOException {
        for (WimPart part : wim.parts()) {
            IntegrityTable t = IntegrityTable.read(part.source(), part.header());
            if (t == null) {
                findings.noIntegrityTable(part.source().path().toString());
            } else {
                progress.subTask("Verifying integrity of " + part.source().name());
                progress.activity(WimActivity.VERIFY_INTEGRITY, part.source().path().toString());
                t.verify(part.source(), part.header(), WimProgressAdapters.noWork(progress));
            }
        }
    }

    private void checkImages(WimProgress progress) throws IOException {
        if (wim.header().partNumber() != 1) {
            return; // only part 1 holds image metadata
        }
        Set<String> reported = new HashSet<>();
        for (int i = 1; i <= wim.imageCount(); i++) {
            WimProgress.checkCanceled(progress);
            progress.subTask("Verifying metadata for image " + i);
            progress.activity(WimActivity.VERIFY_METADATA, i + " of " + wim.imageCount());
            ImageMetadata image = wim.readMetadata(i);
            if (image.root() != null) {
                reportMissingBlobs(image.root(), reported);
            }
        }
    }

    /** Walks the tree in wimlib's order (parents first, children in name order). */
    private void reportMissingBlobs(Dentry root, Set<String> reported) {
        Deque<Dentry> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Dentry d = work.pop();
            for (StreamEntry s : d.inode().listedStreams()) {
                if (!s.zeroHash() && wim.blob(s.hash()) == null && reported.add(LittleEndian.hex(s.hash()))) {
                    findings.missing(d.fullPath(), s.hash());
                }
            }
            List<Dentry> kids = d.children();
            for (int k = kids.size() - 1; k >= 0; k--) {
                work.push(kids.get(k));
            }
        }
    }

    private void checkBlobs(List<BlobDescriptor> blobs, WimProgress progress) throws IOException {
        progress.subTask("Verifying file data");
        progress.activity(WimActivity.VERIFY_DATA, null);
        BlobStreamer.stream(blobs, new BlobStreamer.BlobSink() { // the streamer checks each blob's SHA-1
            @Override
            public void begin(BlobDescriptor blob) {
            }

            @Override
            public void data(BlobDescriptor blob, byte[] b, int off, int len) {
            }

            @Override
            public void end(BlobDescriptor blob) {
                findings.checked();
            }

            @Override
            public void corrupted(BlobDescriptor blob, BlobHashMismatchException error) {
                findings.checked();
                findings.bad(error.blob());
            }

            @Override
            public void failed(List<BlobDescriptor> affected, WimFormatException error) {
                for (BlobDescriptor b : affected) {
                    findings.bad(CorruptBlobs.describe(b, null, error));
                }
            }
        }, progress);
    }
}
