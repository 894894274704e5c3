package org.fenestra.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.WimStream;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.model.WimProgress;

/**
 * Jazzer target: the whole WIM read path on a hostile file, through the public API as the CLI
 * and the workbench use it: open (header, blob table, XML), every image's properties and
 * metadata (dentry tree, streams, hard links), every referenced blob's data, then {@code verify}
 * (integrity table, metadata again, every blob's SHA-1). Only {@link IOException}s are allowed;
 * see {@link ExpectedFailures}.
 */
public final class WimFileFuzzTarget {
    /** The reader takes a path, so each input goes to one reused file (fuzz.sh points java.io.tmpdir at target/). */
    private static final Path FILE = createScratchFile();

    private WimFileFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        Files.write(FILE, data, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try (WimFile wim = WimFile.open(FILE)) {
            readEverything(wim);
        } catch (IOException e) {
            ExpectedFailures.check(e);
        }
    }

    private static void readEverything(WimFile wim) throws IOException {
        wim.header();
        wim.xmlBytes();
        wim.totalBytes();
        for (WimImageInfo info : wim.images()) {
            readProperties(info);
            try {
                wim.resolveImage(String.valueOf(info.name()));
            } catch (IOException e) {
                ExpectedFailures.check(e);
            }
        }
        for (int i = 1; i <= wim.imageCount(); i++) {
            try {
                readImage(wim.openImage(i));
            } catch (IOException e) {
                ExpectedFailures.check(e); // a bad image must not hide bugs in the next one
            }
        }
        wim.verify(WimProgress.NONE);
    }

    private static void readProperties(WimImageInfo info) {
        info.name();
        info.description();
        info.displayName();
        info.flags();
        info.dirCount();
        info.fileCount();
        info.totalBytes();
        info.hardLinkBytes();
        info.creationTime();
        info.lastModificationTime();
        info.wimBoot();
        if (info.hasWindowsInfo()) {
            info.architecture();
            info.productName();
            info.editionId();
            info.languages();
            info.defaultLanguage();
            info.versionMajor();
            info.versionBuild();
        }
    }

    private static void readImage(WimImage image) throws IOException {
        WimEntry root = image.root();
        if (root == null) {
            return;
        }
        Map<WimBlob, Boolean> blobs = new LinkedHashMap<>();
        image.walk(root, e -> {
            e.name();
            e.shortName();
            e.securityDescriptor();
            e.reparseTag();
            e.linkPaths();
            e.unixData();
            e.objectId();
            image.lookup(e.fullPath());
            for (WimStream s : e.streams()) {
                try {
                    WimBlob b = image.blobOf(s, e.fullPath());
                    if (b != null) {
                        blobs.put(b, Boolean.TRUE);
                    }
                } catch (MissingBlobException missing) {
                    // allowed: the other blobs are still read
                }
            }
        });
        image.readBlobs(new ArrayList<>(blobs.keySet()), new LengthCheckingSink(), WimProgress.NONE);
    }

    /** Checks that each blob receives exactly its declared size; lets resource failures go on. */
    private static final class LengthCheckingSink implements BlobDataSink {
        private long received;

        @Override
        public void begin(WimBlob blob) {
            received = 0;
        }

        @Override
        public void data(WimBlob blob, byte[] b, int off, int len) {
            if (off < 0 || len < 0 || off > b.length - len) {
                throw new ContractViolation("blob data slice [" + off + ", +" + len + ") outside its array of "
                        + b.length);
            }
            received += len;
        }

        @Override
        public void end(WimBlob blob) {
            if (received != blob.size()) {
                throw new ContractViolation("blob of " + blob.size() + " bytes delivered " + received + " bytes");
            }
        }

        @Override
        public void failed(List<WimBlob> affected, org.fenestra.wim.errors.WimFormatException error) {
            ExpectedFailures.check(error);
        }
    }

    private static Path createScratchFile() {
        try {
            Path f = Files.createTempFile("fenestra-fuzz-", ".wim");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
