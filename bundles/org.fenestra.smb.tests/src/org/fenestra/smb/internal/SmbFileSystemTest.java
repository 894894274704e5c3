package org.fenestra.smb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.fenestra.smb.SmbCredentials;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbException.Kind;
import org.fenestra.smb.SmbShares;
import org.fenestra.smb.UncPath;
import org.fenestra.smb.samba.SambaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The share file system against a real smbd; what it writes is checked through the share's local folder. */
class SmbFileSystemTest {

    private static SambaServer samba;
    private FileSystem share;

    @BeforeAll
    static void startSamba() throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        samba = SambaServer.start();
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (samba != null) {
            samba.close();
        }
    }

    @BeforeEach
    void connect() throws IOException {
        samba.clearShares();
        share = SmbShares.open(samba.host(), samba.port(), "images", samba.credentials());
    }

    @AfterEach
    void disconnect() throws IOException {
        share.close();
    }

    @Test
    void writesReadsAndSeeksAtPositions() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 17]; // several SMB2 READs
        new Random(7).nextBytes(data);
        Path file = share.getPath("dir", "data.bin");
        Files.createDirectory(file.getParent());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(data));
            out.write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }), 10);
            out.force(true);
            assertEquals(data.length, out.size());
        }
        data[10] = 1;
        data[11] = 2;
        data[12] = 3;
        assertArrayEquals(data, Files.readAllBytes(samba.imagesFolder().resolve("dir/data.bin")));
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer tail = ByteBuffer.allocate(100);
            assertEquals(17, in.read(tail, data.length - 17));
            assertEquals(-1, in.read(ByteBuffer.allocate(1), data.length));
            in.position(5);
            ByteBuffer five = ByteBuffer.allocate(10);
            in.read(five);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 5, 15), five.array());
        }
        assertArrayEquals(data, Files.readAllBytes(file));
        assertEquals(data.length, Files.size(file));
        assertTrue(Files.isRegularFile(file));
        assertTrue(Files.isDirectory(file.getParent()));
    }

    @Test
    void truncatesRenamesOverAndDeletes() throws IOException {
        Path a = share.getPath("a.txt");
        Path b = share.getPath("\\b.txt");
        Files.writeString(a, "new content, longer than the old");
        Files.writeString(b, "old");
        try (FileChannel ch = FileChannel.open(a, StandardOpenOption.WRITE)) {
            ch.truncate(11);
        }
        assertThrows(FileAlreadyExistsException.class, () -> Files.move(a, b));
        Files.move(a, b, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(Files.exists(a));
        assertEquals("new content", Files.readString(samba.imagesFolder().resolve("b.txt")));
        try (Stream<Path> list = Files.list(share.getPath("\\"))) {
            assertEquals(List.of("b.txt"), list.map(p -> p.getFileName().toString()).toList());
        }
        Files.delete(b);
        assertFalse(Files.exists(samba.imagesFolder().resolve("b.txt")));
        assertThrows(NoSuchFileException.class, () -> Files.delete(b));
        assertThrows(NoSuchFileException.class, () -> FileChannel.open(b, StandardOpenOption.READ));
    }

    @Test
    void tempFilesAreCreatedBesideTheTarget() throws IOException {
        Path temp = Files.createTempFile(share.getPath("\\"), ".x.wim.", ".tmp");
        assertTrue(Files.exists(samba.imagesFolder().resolve(temp.getFileName().toString())));
        assertEquals(samba.unc("images", temp.getFileName().toString()), temp.toString());
        Files.delete(temp);
    }

    @Test
    void reportsTheSharesSpace() throws IOException {
        try (FileSystem tiny = SmbShares.open(samba.host(), samba.port(), "tiny", samba.credentials())) {
            var store = Files.getFileStore(tiny.getPath("\\"));
            assertEquals(SambaServer.TINY_BYTES, store.getTotalSpace());
            assertEquals(Files.getFileStore(samba.tinyFolder()).getUsableSpace(), store.getUsableSpace());
        }
    }

    @Test
    void writingPastAFullShareIsDiskFull() throws IOException {
        try (FileSystem tiny = SmbShares.open(samba.host(), samba.port(), "tiny", samba.credentials())) {
            Path file = tiny.getPath("big.bin");
            SmbException full = assertThrows(SmbException.class, () -> {
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                    for (long at = 0; at < 2 * SambaServer.TINY_BYTES; at += chunk.capacity()) {
                        out.write(chunk.clear(), at);
                    }
                    out.force(true);
                }
            });
            assertEquals(Kind.DISK_FULL, full.kind(), full.getMessage());
            Files.delete(file);
        }
    }

    @Test
    void logonAndShareFailuresAreTyped() {
        SmbException password = assertThrows(SmbException.class, () -> SmbShares.open(samba.host(), samba.port(),
                "images", new SmbCredentials("", SambaServer.USER, "wrong")));
        assertEquals(Kind.AUTHENTICATION_FAILED, password.kind(), password.getMessage());
        SmbException share = assertThrows(SmbException.class,
                () -> SmbShares.open(samba.host(), samba.port(), "nosuchshare", samba.credentials()));
        assertEquals(Kind.SHARE_NOT_FOUND, share.kind(), share.getMessage());
        SmbException host = assertThrows(SmbException.class,
                () -> SmbShares.open("127.0.0.1", 1, "images", samba.credentials()));
        assertEquals(Kind.HOST_UNREACHABLE, host.kind(), host.getMessage());
    }

    @Test
    void uncPathsParseAndPrint() {
        UncPath unc = UncPath.parse("//server/share/dir\\install.wim");
        assertEquals(new UncPath("server", "share", List.of("dir", "install.wim")), unc);
        assertEquals("\\\\server\\share\\dir\\install.wim", unc.toString());
        assertThrows(IllegalArgumentException.class, () -> UncPath.parse("\\\\server"));
        assertThrows(IllegalArgumentException.class, () -> UncPath.parse("\\\\server\\share\\..\\x"));
        assertFalse(UncPath.isUnc("/local/install.wim"));
        Path onShare = SmbShares.path(share, UncPath.parse(samba.unc("images", "x\\y.wim")));
        assertEquals(samba.unc("images", "x\\y.wim"), onShare.toString());
        assertEquals(samba.unc("images", "x\\y-index2.wim"), onShare.resolveSibling("y-index2.wim").toString());
    }
}
