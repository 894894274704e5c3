package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds thousands of damaged versions of valid chunks (bit flips, truncation, garbage
 * overwrites and insertions, wrong output sizes, pure noise) to each decoder: the only
 * acceptable outcomes are success or {@link CorruptChunkException}, and no byte outside the
 * output window may change.
 */
class FuzzTest {

    private static final int ROUNDS = 3000;

    @ParameterizedTest
    @ValueSource(strings = {"xpress-4k", "lzx-32k", "lzms-32k", "lzms-solid"})
    void damagedChunksFailCleanly(String name) throws Exception {
        CommittedData d = CommittedData.load(name);
        WimResources.Resource res = d.resource();
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (WimResources.Chunk c : res.chunks()) {
            if (!c.raw()) {
                chunks.add(Arrays.copyOfRange(c.data(), c.off(), c.off() + c.len()));
                sizes.add(c.usize());
            }
        }
        ChunkDecompressor dec = Decompressors.create(d.type(), res.chunkSize());
        Random rnd = new Random(name.hashCode());
        int corrupt = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int k = rnd.nextInt(chunks.size());
            byte[] in = mutate(chunks.get(k), rnd);
            int usize = sizes.get(k);
            if (rnd.nextInt(10) == 0) {
                usize = Math.max(1, Math.min(res.chunkSize(), usize + rnd.nextInt(200) - 100));
            }
            byte[] dst = new byte[usize + 64];
            Arrays.fill(dst, (byte) 0x3C);
            try {
                dec.decompress(in, 0, in.length, dst, 32, usize);
            } catch (CorruptChunkException e) {
                corrupt++;
                String msg = e.getMessage();
                if (msg == null || !msg.startsWith(d.type().name()) || !msg.contains("output byte")) {
                    fail("round " + round + ": message must name codec and position: " + msg);
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError(name + " round " + round + ": unexpected " + e, e);
            }
            for (int i = 0; i < 32; i++) {
                assertEquals((byte) 0x3C, dst[i], "round " + round + ": wrote before the window");
                assertEquals((byte) 0x3C, dst[32 + usize + i], "round " + round + ": wrote after the window");
            }
        }
        // Sanity: the mutations must actually hit the validation paths.
        if (corrupt < ROUNDS / 10) {
            fail("only " + corrupt + " of " + ROUNDS + " damaged chunks were reported corrupt");
        }
        // And the decoder must still work on intact data afterwards.
        byte[] out = WimResources.decode(res, dec);
        assertEquals(d.sha1(), WimlibOracleTest.sha1(out));
    }

    static byte[] mutate(byte[] valid, Random rnd) {
        byte[] b = valid.clone();
        switch (rnd.nextInt(7)) {
            case 0, 1 -> { // a few bit flips
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    int i = rnd.nextInt(b.length);
                    b[i] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length)); // truncation
            case 3 -> { // garbage overwrite
                int at = rnd.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(64));
                for (int i = 0; i < n; i++) {
                    b[at + i] = (byte) rnd.nextInt();
                }
            }
            case 4 -> { // garbage insertion / extension
                int at = rnd.nextInt(b.length + 1);
                byte[] junk = new byte[1 + rnd.nextInt(32)];
                rnd.nextBytes(junk);
                byte[] c = new byte[b.length + junk.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(junk, 0, c, at, junk.length);
                System.arraycopy(b, at, c, at + junk.length, b.length - at);
                b = c;
            }
            case 5 -> { // pure noise of random size
                b = new byte[rnd.nextInt(2 * valid.length + 1)];
                rnd.nextBytes(b);
            }
            default -> { // zeroed or 0xFF region
                int at = rnd.nextInt(b.length);
                Arrays.fill(b, at, Math.min(b.length, at + 1 + rnd.nextInt(300)), rnd.nextBoolean() ? 0 : (byte) -1);
            }
        }
        return b;
    }
}
