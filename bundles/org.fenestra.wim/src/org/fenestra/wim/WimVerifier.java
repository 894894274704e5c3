package org.fenestra.wim;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.IntegrityTable;
import org.fenestra.wim.internal.format.CorruptBlobs;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.read.BlobStreamer;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimProgressAdapters;

/** The steps of {@code verify}, in wimlib's order. */
final class WimVerifier {
    private final WimFile wim;

    WimVerifier(WimFile wim) {
        this.wim = wim;
    }

    WimVerifyReport run(WimProgress progress) throws IOException {
        WimVerifyReport report = new WimVerifyReport();
        report.split(wim.isSplit());
        List<BlobDescriptor> blobs = wim.allBlobs();
        long total = 0;
        for (BlobDescriptor b : blobs) {
            total += b.size();
        }
        progress.beginTask("Verifying " + wim.fileName(), total);
        try {
            checkIntegrity(report, progress);
            checkImages(report, progress);
            checkBlobs(blobs, report, progress);
        } finally {
            progress.done();
        }
        return report;
    }

    private void checkIntegrity(WimVerifyReport report, WimProgress progress) throws IOException {
        for (WimPart part : wim.parts()) {
            IntegrityTable t = IntegrityTable.read(part.source(), part.header());
            if (t == null) {
                report.noIntegrityTable(part.source().path().toString());
            } else {
                progress.subTask("Verifying integrity of " + part.source().name());
                progress.activity(WimActivity.VERIFY_INTEGRITY, part.source().path().toString());
                t.verify(part.source(), part.header(), WimProgressAdapters.noWork(progress));
            }
        }
    }

    private void checkImages(WimVerifyReport report, WimProgress progress) throws IOException {
        if (wim.rawHeader().partNumber() != 1) {
            return; // only part 1 holds image metadata
        }
        Set<String> reported = new HashSet<>();
        for (int i = 1; i <= wim.imageCount(); i++) {
            WimProgress.checkCanceled(progress);
            progress.subTask("Verifying metadata for image " + i);
            progress.activity(WimActivity.VERIFY_METADATA, i + " of " + wim.imageCount());
            WimImage image = wim.openImage(i);
            WimEntry root = image.root();
            if (root == null) {
                continue;
            }
            image.walk(root, e -> {
                for (WimStream s : e.streams()) {
                    if (s.missing() && reported.add(org.fenestra.wim.internal.format.LittleEndian.hex(s.hash()))) {
                        report.missing(new WimVerifyReport.MissingBlob(e.fullPath(), s.hash()));
                    }
                }
            });
        }
    }

    private void checkBlobs(List<BlobDescriptor> blobs, WimVerifyReport report, WimProgress progress)
            throws IOException {
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
                report.checked();
            }

            @Override
            public void corrupted(BlobDescriptor blob, BlobHashMismatchException error) {
                report.checked();
                report.bad(error.blob());
            }

            @Override
            public void failed(List<BlobDescriptor> affected, WimFormatException error) {
                for (BlobDescriptor b : affected) {
                    report.bad(CorruptBlobs.describe(b, null, error));
                }
            }
        }, progress);
    }
}
