package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages stay layered: no package cycles (as {@code jdeps} sees the built
 * classes), no internal type in an API signature, and the manifests export exactly the API.
 * Runs on the bundles' real output, so a change that breaks the layering fails here.
 */
class PackageStructureTest {
    private static final Path WIM = PackageStructure.classesOf(WimFile.class);
    private static final Path COMPRESS = PackageStructure.classesOf(CompressionType.class);

    @Test
    void wimPackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> graph = PackageStructure.packageGraph(List.of(WIM, COMPRESS), "org.fenestra.wim");
        assertTrue(graph.containsKey("org.fenestra.wim.internal.format"), "jdeps saw the packages: " + graph.keySet());
        assertEquals(List.of(), PackageStructure.cycles(graph), "package cycles in org.fenestra.wim: " + graph);
    }

    @Test
    void compressPackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> graph = PackageStructure.packageGraph(List.of(COMPRESS), "org.fenestra.compress");
        assertTrue(graph.containsKey("org.fenestra.compress.lzx"), "jdeps saw the packages: " + graph.keySet());
        assertEquals(List.of(), PackageStructure.cycles(graph), "package cycles in org.fenestra.compress: " + graph);
    }

    @Test
    void wimApiSignaturesNameNoInternalType() throws Exception {
        List<String> classes = PackageStructure.classNames(WIM, "org.fenestra.wim");
        assertTrue(classes.contains(WimFile.class.getName()), "classes found in " + WIM);
        assertEquals(List.of(), PackageStructure.internalTypesInApi(classes, WimFile.class.getClassLoader(),
                PackageStructure::isInternal));
    }

    @Test
    void compressApiSignaturesNameNoCodecType() throws Exception {
        List<String> classes = PackageStructure.classNames(COMPRESS, "org.fenestra.compress");
        assertTrue(classes.contains(Compressors.class.getName()), "classes found in " + COMPRESS);
        assertEquals(List.of(), PackageStructure.internalTypesInApi(classes, Compressors.class.getClassLoader(),
                PackageStructureTest::isCodec));
    }

    @Test
    void manifestsExportTheApiWithVersionsAndHideTheRest() throws IOException {
        assertExports(WIM, "org.fenestra.wim");
        assertExports(COMPRESS, "org.fenestra.compress");
    }

    private static void assertExports(Path classes, String prefix) throws IOException {
        Manifest mf = PackageStructure.manifestOf(classes)
                .orElseThrow(() -> new AssertionError("no bundle manifest for " + classes));
        String exports = mf.getMainAttributes().getValue("Export-Package");
        List<String> wrong = new ArrayList<>();
        Set<String> packages = PackageStructure.packageGraph(List.of(classes), prefix).keySet();
        for (String pkg : packages) {
            String clause = clause(exports, pkg);
            boolean internal = PackageStructure.isInternal(pkg) || isCodec(pkg);
            if (clause == null) {
                wrong.add(pkg + ": not exported");
            } else if (internal && !clause.contains("x-internal:=true")) {
                wrong.add(pkg + ": implementation exported without x-internal:=true");
            } else if (!internal && !clause.contains("version=")) {
                wrong.add(pkg + ": API exported without a version");
            }
        }
        assertEquals(List.of(), wrong, "Export-Package: " + exports);
    }

    /** compress keeps its codec packages' names (one per codec, as wimlib's files): they are its implementation. */
    private static boolean isCodec(String pkg) {
        return pkg.startsWith("org.fenestra.compress.") && !pkg.equals("org.fenestra.compress.codecs");
    }

    private static String clause(String exports, String pkg) {
        for (String c : exports.split(",(?=\\s*[a-z])")) {
            String name = c.trim().split(";")[0].trim();
            if (name.equals(pkg)) {
                return c;
            }
        }
        return null;
    }
}
