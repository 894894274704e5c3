package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decodes the small wimlib-made resources shipped in data/ (runs without wimlib installed). */
class CommittedDataTest {


    @ParameterizedTest
    @ValueSource(strings = {"xpress-4k", "lzx-32k", "lzms-32k", "lzms-solid"})
    void decodesToWimlibsSha1(String name) throws Exception {
        CommittedData d = CommittedData.load(name);
        WimResources.Resource res = d.resource();
        assertTrue(java.util.Arrays.stream(res.chunks()).anyMatch(c -> !c.raw()), "no compressed chunk");
        byte[] out = WimResources.decode(res, Decompressors.create(d.type(), res.chunkSize()));
        assertEquals(d.usize(), out.length);
        assertEquals(d.sha1(), WimlibOracleTest.sha1(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xpress-4k", "lzx-32k", "lzms-32k", "lzms-solid"})
    void decoderIsReusableAndWritesOnlyItsWindow(String name) throws Exception {
        CommittedData d = CommittedData.load(name);
        WimResources.Resource res = d.resource();
        ChunkDecompressor dec = Decompressors.create(d.type(), res.chunkSize());
        WimResources.decode(res, dec); // leaves state behind
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (WimResources.Chunk c : res.chunks()) {
            if (c.raw()) {
                all.write(c.data(), c.off(), c.len());
                continue;
            }
            // Input and output at odd offsets inside larger arrays filled with a canary.
            byte[] src = new byte[c.len() + 7];
            java.util.Arrays.fill(src, (byte) 0x5A);
            System.arraycopy(c.data(), c.off(), src, 3, c.len());
            byte[] dst = new byte[c.usize() + 40];
            java.util.Arrays.fill(dst, (byte) 0xA5);
            dec.decompress(src, 3, c.len(), dst, 13, c.usize());
            for (int i = 0; i < 13; i++) {
                assertEquals((byte) 0xA5, dst[i], "byte before the output window changed");
            }
            for (int i = 13 + c.usize(); i < dst.length; i++) {
                assertEquals((byte) 0xA5, dst[i], "byte after the output window changed");
            }
            all.write(dst, 13, c.usize());
        }
        assertEquals(d.sha1(), WimlibOracleTest.sha1(all.toByteArray()));
    }
}
