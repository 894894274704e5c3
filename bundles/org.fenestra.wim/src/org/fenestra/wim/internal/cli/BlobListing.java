package org.fenestra.wim.internal.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.WimBlobInfo;
import org.fenestra.wim.WimBlobTable;

/**
 * {@code info --blobs}: every blob's resource block, in the order wimlib-imagex lists them:
 * the images' metadata resources, then the file data blobs as wimlib's in-memory blob table
 * visits them. That table is a hash table of {@code 2^k >= entries} buckets indexed by the
 * SHA-1's first eight bytes (little-endian), each bucket listing its newest insertion first,
 * filled in stored order and doubled (rehashing bucket by bucket) when it holds more blobs
 * than buckets.
 */
final class BlobListing {
    private BlobListing() {
    }

    static void print(PrintStream out, WimBlobTable table) {
        for (WimBlobInfo m : table.metadata()) {
            ResourceBlock.print(out, m.hash(), m, false);
        }
        for (WimBlobInfo b : wimlibOrder(table.data(), table.entryCount())) {
            ResourceBlock.print(out, b.hash(), b, false);
        }
    }

    static List<WimBlobInfo> wimlibOrder(List<WimBlobInfo> blobs, int entryCount) {
        int capacity = 1;
        while (capacity < entryCount) {
            capacity <<= 1;
        }
        List<List<WimBlobInfo>> buckets = newBuckets(capacity);
        int count = 0;
        for (WimBlobInfo b : blobs) {
            insert(buckets, b);
            if (count++ > buckets.size() - 1) {
                List<List<WimBlobInfo>> larger = newBuckets(buckets.size() * 2);
                for (List<WimBlobInfo> bucket : buckets) {
                    for (WimBlobInfo moved : bucket) {
                        insert(larger, moved);
                    }
                }
                buckets = larger;
            }
        }
        List<WimBlobInfo> order = new ArrayList<>(blobs.size());
        for (List<WimBlobInfo> bucket : buckets) {
            order.addAll(bucket);
        }
        return order;
    }

    private static List<List<WimBlobInfo>> newBuckets(int n) {
        List<List<WimBlobInfo>> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(new ArrayList<>(1));
        }
        return buckets;
    }

    private static void insert(List<List<WimBlobInfo>> buckets, WimBlobInfo b) {
        long shortHash = 0;
        for (int i = 7; i >= 0; i--) {
            shortHash = shortHash << 8 | (b.hash()[i] & 0xFF);
        }
        buckets.get((int) (shortHash & (buckets.size() - 1))).add(0, b);
    }
}
