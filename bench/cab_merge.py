#!/usr/bin/env python3
"""Puts single-folder cabinets (as gcab writes them) together into one cabinet of several folders.

    cab_merge.py OUT.cab PART.cab...

gcab's command line writes one folder per cabinet; the CAB bench wants several (the reader can
decode folders in parallel, as a cabinet from Microsoft's tools may hold them). Each part's
folder, data blocks and files are copied unchanged; only the offsets and folder numbers change.
Parts must have no reserve area and no cabinet-set flags (gcab writes neither).
"""
import struct
import sys


def read_part(path):
    with open(path, 'rb') as f:
        b = f.read()
    if b[:4] != b'MSCF':
        sys.exit(f'{path}: not a cabinet')
    size, files_off = struct.unpack_from('<I4xI', b, 8)
    folders, files, flags = struct.unpack_from('<HHH', b, 26)
    if folders != 1 or flags != 0:
        sys.exit(f'{path}: {folders} folders, flags {flags}: expected one folder, no flags')
    data_off, blocks, ctype = struct.unpack_from('<IHH', b, 36)
    records = []
    p = files_off
    for _ in range(files):
        end = b.index(b'\0', p + 16)
        records.append(bytearray(b[p:end + 1]))
        p = end + 1
    return blocks, ctype, records, b[data_off:size]


def main():
    out, parts = sys.argv[1], [read_part(p) for p in sys.argv[2:]]
    nfiles = sum(len(p[2]) for p in parts)
    if nfiles > 0xFFFF:
        sys.exit(f'{nfiles} files: a cabinet holds at most 65535')
    header_size = 36
    folders_size = 8 * len(parts)
    files_blob = bytearray()
    for index, (_, _, records, _) in enumerate(parts):
        for r in records:
            struct.pack_into('<H', r, 8, index)
            files_blob += r
    data_start = header_size + folders_size + len(files_blob)
    folder_blob = bytearray()
    offset = data_start
    for blocks, ctype, _, data in parts:
        folder_blob += struct.pack('<IHH', offset, blocks, ctype)
        offset += len(data)
    header = b'MSCF' + struct.pack('<IIIIIBBHHHHH', 0, offset, 0, header_size + folders_size, 0, 3, 1,
                                   len(parts), nfiles, 0, 0, 0)
    with open(out, 'wb') as f:
        f.write(header)
        f.write(folder_blob)
        f.write(files_blob)
        for _, _, _, data in parts:
            f.write(data)


if __name__ == '__main__':
    main()
