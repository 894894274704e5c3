import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.Compressors;

/**
 * Single-threaded chunk compressor throughput on the files listed in a file (one path a line),
 * cut into chunks at file boundaries as a WIM writer does. Run by bench/compress-chunks.sh.
 *   java -cp COMPRESS_CLASSES bench/CompressChunks.java LIST TYPE[,TYPE] [LEVEL] [ROUNDS]
 * Prints per type: MB/s of the best round in thread CPU time (the machine may be shared, wall
 * time is noisy), input and output bytes.
 */
public class CompressChunks {
    public static void main(String[] args) throws IOException {
        List<byte[]> files = new ArrayList<>();
        long total = 0;
        try (Stream<String> lines = Files.lines(Path.of(args[0]))) {
            for (String l : (Iterable<String>) lines::iterator) {
                byte[] b = Files.readAllBytes(Path.of(l));
                files.add(b);
                total += b.length;
            }
        }
        int level = args.length > 2 ? Integer.parseInt(args[2]) : Compressors.DEFAULT_LEVEL;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String t : args[1].split(",")) {
            CompressionType type = CompressionType.valueOf(t);
            int chunkSize = 32768;
            ChunkCompressor c = Compressors.create(type, chunkSize, level);
            byte[] dst = new byte[chunkSize];
            double bestSeconds = Double.MAX_VALUE;
            long stored = 0;
            for (int r = 0; r < rounds; r++) {
                stored = 0;
                long start = cpu.getCurrentThreadCpuTime();
                for (byte[] f : files) {
                    for (int off = 0; off < f.length; off += chunkSize) {
                        int n = Math.min(chunkSize, f.length - off);
                        int z = c.compress(f, off, n, dst, 0, n);
                        stored += z > 0 ? z : n;
                    }
                }
                bestSeconds = Math.min(bestSeconds, (cpu.getCurrentThreadCpuTime() - start) / 1e9);
            }
            System.out.printf("%-7s level %d: %7.2f MB/s  %d -> %d bytes (best of %d rounds, %.2f s CPU)%n", type, level,
                    total / 1e6 / bestSeconds, total, stored, rounds, bestSeconds);
        }
    }
}
