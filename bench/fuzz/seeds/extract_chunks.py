#!/usr/bin/env python3
"""Writes every compressed chunk of the given WIMs as a seed for the decoder fuzz targets.

Usage: extract_chunks.py [--max-bytes N] OUT_DIR WIM...   (creates OUT_DIR/{xpress,lzx,lzms}/)

Seed layout (see ChunkInput.java): byte 0 = log2(chunk size) - the target's minimum order,
bytes 1-4 = uncompressed length (LE), byte 5 = offsets (0), then the compressed bytes.
Handles what wimlib writes: non-solid resources (chunk table of offsets, 4-byte entries) and
solid resources (solid header + chunk table of sizes). Chunks stored raw are skipped.
"""
import hashlib
import os
import struct
import sys

FLAG_COMPRESSED, FLAG_SOLID = 0x04, 0x10
HEADER_CODEC = {0x20000: "xpress", 0x40000: "lzx", 0x80000: "lzms"}
SOLID_CODEC = {1: "xpress", 2: "lzx", 3: "lzms"}
MIN_ORDER = {"xpress": 12, "lzx": 15, "lzms": 15}
MAX_ORDER = {"xpress": 16, "lzx": 21, "lzms": 18}


def reshdr(b, off):
    size = int.from_bytes(b[off:off + 7], "little")
    return size, b[off + 7], struct.unpack_from("<QQ", b, off + 8)


def chunks_of(data, off, size_in_wim, usize, chunk_size):
    """(uncompressed length, stored bytes) of each chunk of a non-solid resource."""
    n = (usize + chunk_size - 1) // chunk_size
    entry = 8 if usize > 0xFFFFFFFF else 4
    table_len = (n - 1) * entry
    starts = [0] + [int.from_bytes(data[off + i * entry:off + (i + 1) * entry], "little") for i in range(n - 1)]
    ends = starts[1:] + [size_in_wim - table_len]
    base = off + table_len
    for i in range(n):
        ulen = min(chunk_size, usize - i * chunk_size)
        yield ulen, data[base + starts[i]:base + ends[i]]


def solid_chunks_of(data, off):
    usize, chunk_size, codec = struct.unpack_from("<QII", data, off)
    n = (usize + chunk_size - 1) // chunk_size
    sizes = struct.unpack_from("<%dI" % n, data, off + 16)
    pos = off + 16 + 4 * n
    for i in range(n):
        ulen = min(chunk_size, usize - i * chunk_size)
        yield SOLID_CODEC[codec], chunk_size, ulen, data[pos:pos + sizes[i]]
        pos += sizes[i]


def resources(data):
    """Offsets of the distinct resources named by the blob table (wimlib writes it uncompressed)."""
    size, flags, (off, usize) = reshdr(data, 48)
    seen = set()
    for e in range(off, off + size, 50):
        r = reshdr(data, e)
        if r[2][0] not in seen:
            seen.add(r[2][0])
            yield r


def main():
    args = sys.argv[1:]
    max_bytes = 1 << 30
    if args[0] == "--max-bytes":
        max_bytes, args = int(args[1]), args[2:]
    out, wims = args[0], args[1:]
    count = 0
    for path in wims:
        data = open(path, "rb").read()
        if len(data) < 208 or data[:8] != b"MSWIM\0\0\0":
            continue  # truncated, or pipable (blob headers interleaved): not worth parsing for seeds
        codec = HEADER_CODEC.get(struct.unpack_from("<I", data, 16)[0] & 0xF0000)
        header_chunk = struct.unpack_from("<I", data, 20)[0]
        for size, flags, (off, usize) in resources(data):
            if not flags & FLAG_COMPRESSED:
                continue
            if flags & FLAG_SOLID:
                items = list(solid_chunks_of(data, off))
            else:
                items = [(codec, header_chunk, ulen, c) for ulen, c in chunks_of(data, off, size, usize, header_chunk)]
            for name, chunk_size, ulen, stored in items:
                if len(stored) == ulen or len(stored) > max_bytes:
                    continue  # stored raw, or too big to mutate quickly
                order = min(max(chunk_size.bit_length() - 1, MIN_ORDER[name]), MAX_ORDER[name])
                seed = bytes([order - MIN_ORDER[name]]) + struct.pack("<I", ulen) + b"\0" + stored
                d = os.path.join(out, name)
                os.makedirs(d, exist_ok=True)
                with open(os.path.join(d, hashlib.sha1(seed).hexdigest()[:16] + ".chunk"), "wb") as f:
                    f.write(seed)
                count += 1
    print("wrote %d chunk seeds" % count)


if __name__ == "__main__":
    main()
