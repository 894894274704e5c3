package org.fenestra.cab.internal.read;

import static org.fenestra.cab.internal.format.LittleEndian.u16;
import static org.fenestra.cab.internal.format.LittleEndian.u32;

import java.io.Closeable;
import java.io.IOException;

import org.fenestra.cab.errors.CorruptCabinetException;
import org.fenestra.cab.internal.format.CabFolder;
import org.fenestra.cab.internal.format.CabHeader;
import org.fenestra.cab.internal.format.CabinetLayout;

/**
 * A folder's uncompressed stream, decoded block by block. CFDATA layout:
 * <pre>
 *  0  4  csum: checksum of the rest (see {@link DataBlockChecksum}), 0 for none
 *  4  2  cbData: compressed bytes
 *  6  2  cbUncomp: uncompressed bytes (at most 32768 in compressed folders)
 *  8  cbCFData reserved bytes, then cbData bytes of data
 * </pre>
 * Every block is checked against the cabinet's size, its checksum and its sizes before its
 * bytes are handed out; a folder that ends before a file's data does is an error of the reader
 * of that file.
 */
public final class FolderReader implements Closeable {

    /** MS-CAB allows compressed blocks to grow beyond their output by this much. */
    private static final int MAX_COMPRESSED_GROWTH = 6144;
    private static final int HEADER_SIZE = 8;

    private final CabinetChannel channel;
    private final CabHeader header;
    private final CabFolder folder;
    private final BufferedBlockInput input;
    private final BlockDecoder decoder;
    private final byte[] blockHeader;
    private final byte[] compressed;
    private final byte[] block;
    private final int maxOutput;

    private int nextBlock;
    private long nextBlockOffset;
    private int blockPos;
    private int blockLength;
    private long position;

    public FolderReader(CabinetChannel channel, CabHeader header, CabFolder folder) {
        this.channel = channel;
        this.header = header;
        this.folder = folder;
        this.input = new BufferedBlockInput(channel);
        this.decoder = switch (folder.method()) {
            case NONE -> new StoredBlockDecoder();
            case MSZIP -> new MszipBlockDecoder();
            case LZX -> new LzxBlockDecoder(folder.lzxWindowOrder());
        };
        this.maxOutput = folder.method() == CabFolder.Method.NONE ? CabinetLayout.MAX_STORED_BLOCK_OUTPUT
                : CabinetLayout.MAX_COMPRESSED_BLOCK_OUTPUT;
        this.blockHeader = new byte[HEADER_SIZE + header.dataReserve()];
        this.compressed = new byte[folder.method() == CabFolder.Method.NONE ? maxOutput
                : maxOutput + MAX_COMPRESSED_GROWTH];
        this.block = new byte[maxOutput];
        this.nextBlockOffset = folder.dataOffset();
    }

    public CabFolder folder() {
        return folder;
    }

    /** Offset in the folder's uncompressed stream of the next byte {@link #read} gives. */
    public long position() {
        return position;
    }

    /** Reads up to {@code len} bytes; -1 at the end of the folder. */
    public int read(byte[] b, int off, int len) throws IOException {
        if (blockPos == blockLength && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, blockLength - blockPos);
        System.arraycopy(block, blockPos, b, off, n);
        blockPos += n;
        position += n;
        return n;
    }

    /** Decodes and drops data up to folder offset {@code target} (not before the current position). */
    public void skipTo(long target, String forWhat) throws IOException {
        while (position < target) {
            if (blockPos == blockLength && !nextBlock()) {
                throw endsEarly(forWhat, target);
            }
            int n = (int) Math.min(target - position, blockLength - blockPos);
            blockPos += n;
            position += n;
        }
    }

    public CorruptCabinetException endsEarly(String forWhat, long needed) {
        return new CorruptCabinetException(channel.name() + ": folder " + folder.index() + " ends after " + position
                + " bytes but " + forWhat + " needs " + needed, nextBlockOffset);
    }

    private boolean nextBlock() throws IOException {
        if (nextBlock >= folder.blockCount()) {
            return false;
        }
        long at = nextBlockOffset;
        String what = "data block " + nextBlock + " of folder " + folder.index();
        if (at > header.size() - blockHeader.length) {
            throw channel.truncated(what, at, blockHeader.length);
        }
        input.readFully(at, blockHeader, 0, blockHeader.length, what);
        long checksum = u32(blockHeader, 0);
        int dataLength = u16(blockHeader, 4);
        int outputLength = u16(blockHeader, 6);
        long dataOffset = at + blockHeader.length;
        if (dataOffset + dataLength > header.size()) {
            throw channel.truncated(what, at, blockHeader.length + (long) dataLength);
        }
        if (dataLength > compressed.length || outputLength > maxOutput
                || (outputLength == 0 && folder.method() != CabFolder.Method.NONE)) {
            throw corrupt(what + " at offset " + at + " has impossible sizes (" + dataLength + " bytes giving "
                    + outputLength + ")", at);
        }
        input.readFully(dataOffset, compressed, 0, dataLength, what);
        if (checksum != 0) {
            int sum = DataBlockChecksum.compute(compressed, 0, dataLength, 0);
            sum = DataBlockChecksum.compute(blockHeader, 4, 4, sum);
            if ((sum & 0xFFFF_FFFFL) != checksum) {
                throw corrupt(what + " at offset " + at + " fails its checksum (stored 0x" + Long.toHexString(checksum)
                        + ", computed 0x" + Integer.toHexString(sum) + ")", at);
            }
        }
        String problem = decoder.decode(compressed, dataLength, block, outputLength);
        if (problem != null) {
            throw corrupt(what + " at offset " + at + ": " + problem, at);
        }
        nextBlock++;
        nextBlockOffset = dataOffset + dataLength;
        blockPos = 0;
        blockLength = outputLength;
        return true;
    }

    private CorruptCabinetException corrupt(String what, long at) {
        return new CorruptCabinetException(channel.name() + ": " + what, at);
    }

    @Override
    public void close() {
        decoder.close();
    }
}
