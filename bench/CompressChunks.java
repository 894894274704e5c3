import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Single-threaded chunk compressor throughput on the files listed in a file (one path a line),
 * cut into 32 KiB chunks at file boundaries as a WIM writer does. Run by bench/compress-chunks.sh.
 * With {@code -DsolidChunkSize=N} the files are instead concatenated and cut into N-byte
 * chunks, as a solid resource is (LZMS solid: 67108864).
 *
 * <pre>
 *   java bench/CompressChunks.java LIST TYPE[,TYPE] LEVEL ROUNDS CLASSES [BASELINE_CLASSES]
 * </pre>
 *
 * Prints per type and build: MB/s of the best round in thread CPU time (the machine may be
 * shared: wall time is noisy), input and output bytes. With BASELINE_CLASSES (another build of
 * org.fenestra.compress), rounds of both builds alternate, so that load from other processes
 * falls on both alike.
 */
public class CompressChunks {

    /** The compressor factory: in org.fenestra.compress.codecs, or in the API package in older builds (baselines). */
    static Class<?> factory(ClassLoader loader) throws ClassNotFoundException {
        try {
            return loader.loadClass("org.fenestra.compress.codecs.Compressors");
        } catch (ClassNotFoundException e) {
            return loader.loadClass("org.fenestra.compress.Compressors");
        }
    }

    /** One build of the compressors, loaded on its own. */
    private record Build(String name, Object compressor, Method compress) {
        static Build load(String name, Path classes, String type, int chunkSize, int level) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null);
            Class<?> types = loader.loadClass("org.fenestra.compress.CompressionType");
            Class<?> factory = factory(loader);
            Object t = types.getMethod("valueOf", String.class).invoke(null, type);
            Object c = factory.getMethod("create", types, int.class, int.class).invoke(null, t, chunkSize, level);
            Method m = loader.loadClass("org.fenestra.compress.ChunkCompressor").getMethod("compress", byte[].class,
                    int.class, int.class, byte[].class, int.class, int.class);
            return new Build(name, c, m);
        }
    }

    /** The files one after another, as in a solid resource. */
    private static byte[] concatenate(List<byte[]> files, long total) {
        byte[] all = new byte[Math.toIntExact(total)];
        int at = 0;
        for (byte[] f : files) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        long total = 0;
        try (Stream<String> lines = Files.lines(Path.of(args[0]))) {
            for (String l : (Iterable<String>) lines::iterator) {
                byte[] b = Files.readAllBytes(Path.of(l));
                files.add(b);
                total += b.length;
            }
        }
        int level = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Integer solidChunkSize = Integer.getInteger("solidChunkSize");
        int chunkSize = solidChunkSize != null ? solidChunkSize : 32768;
        if (solidChunkSize != null) {
            files = List.of(concatenate(files, total));
        }
        for (String type : args[1].split(",")) {
            List<Build> builds = new ArrayList<>();
            builds.add(Build.load("this", Path.of(args[4]), type, chunkSize, level));
            if (args.length > 5) {
                builds.add(Build.load("baseline", Path.of(args[5]), type, chunkSize, level));
            }
            double[] best = new double[builds.size()];
            long[] stored = new long[builds.size()];
            java.util.Arrays.fill(best, Double.MAX_VALUE);
            byte[] dst = new byte[chunkSize];
            long heapBefore = usedHeap();
            for (int r = 0; r < rounds; r++) {
                for (int b = 0; b < builds.size(); b++) {
                    Build build = builds.get(b);
                    long sum = 0;
                    long start = cpu.getCurrentThreadCpuTime();
                    for (byte[] f : files) {
                        for (int off = 0; off < f.length; off += chunkSize) {
                            int n = Math.min(chunkSize, f.length - off);
                            int z = (int) build.compress().invoke(build.compressor(), f, off, n, dst, 0, n);
                            sum += z > 0 ? z : n;
                        }
                    }
                    best[b] = Math.min(best[b], (cpu.getCurrentThreadCpuTime() - start) / 1e9);
                    stored[b] = sum;
                }
            }
            for (int b = 0; b < builds.size(); b++) {
                System.out.printf("%-7s level %d %-8s: %7.2f MB/s  %d -> %d bytes (best of %d rounds, %.2f s CPU)%n",
                        type, level, builds.get(b).name(), total / 1e6 / best[b], total, stored[b], rounds, best[b]);
            }
            System.out.printf("heap held by the compressors: about %d MiB%n", (usedHeap() - heapBefore) >> 20);
        }
    }
}
