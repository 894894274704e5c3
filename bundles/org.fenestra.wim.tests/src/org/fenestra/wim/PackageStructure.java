package org.fenestra.wim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The package structure of built bundles, read from their class files: the package
 * dependency graph as {@code jdeps} reports it, and the public signatures of API types by
 * reflection. Plain Java (no OSGi API), so it works in the test framework and from a
 * {@code main} on a folder of classes.
 */
final class PackageStructure {
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s.*$");

    private PackageStructure() {
    }

    /**
     * The folder or jar that holds the compiled classes of {@code type}'s bundle: its code
     * source, or for a bundle run from its project folder (as tycho-surefire does) the
     * output folder below it.
     */
    static Path classesOf(Class<?> type) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("no file location for the classes of " + type.getName(), e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        String classFile = type.getName().replace('.', '/') + ".class";
        for (Path candidate : List.of(location, location.resolve("target/classes"), location.resolve("bin"))) {
            if (Files.isRegularFile(candidate.resolve(classFile))) {
                return candidate;
            }
        }
        throw new IllegalStateException(classFile + " is not below " + location);
    }

    /** The bundle manifest beside (folder) or inside (jar) {@code classes}, if there is one. */
    static Optional<Manifest> manifestOf(Path classes) throws IOException {
        if (Files.isRegularFile(classes)) {
            try (JarFile jar = new JarFile(classes.toFile())) {
                return Optional.ofNullable(jar.getManifest());
            }
        }
        for (Path dir = classes; dir != null; dir = dir.getParent()) {
            Path mf = dir.resolve("META-INF/MANIFEST.MF");
            if (Files.isRegularFile(mf) && Files.isDirectory(dir.resolve("src"))) {
                try (InputStream in = Files.newInputStream(mf)) {
                    return Optional.of(new Manifest(in));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Package dependencies among the packages starting with {@code prefix}, from
     * {@code jdeps -verbose:package} on the given class folders or jars (each package maps
     * to the packages it uses, itself excluded).
     */
    static Map<String, Set<String>> packageGraph(List<Path> classes, String prefix) throws IOException {
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:package"));
        for (Path p : classes) {
            args.add(p.toString());
        }
        String output = jdeps(args);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.matches() && m.group(1).startsWith(prefix)) {
                Set<String> uses = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (m.group(2).startsWith(prefix) && !m.group(2).equals(m.group(1))) {
                    uses.add(m.group(2));
                }
            }
        }
        if (graph.isEmpty()) {
            throw new IllegalStateException("jdeps reported no package of " + prefix + " in " + classes + ":\n"
                    + output);
        }
        return graph;
    }

    /** Runs jdeps: the running JDK's tool, else {@code java.home/bin/jdeps}. */
    private static String jdeps(List<String> args) throws IOException {
        Optional<ToolProvider> tool = ToolProvider.findFirst("jdeps");
        if (tool.isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                rc = tool.get().run(o, e, args.toArray(String[]::new));
            }
            return checked(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        Path exe = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("no jdeps: the tests need a JDK (java.home is " + exe.getParent().getParent()
                    + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("jdeps did not finish in 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for jdeps", e);
        }
        return checked(p.exitValue(), out, "");
    }

    private static String checked(int rc, String out, String err) {
        if (rc != 0) {
            throw new IllegalStateException("jdeps failed (" + rc + "):\n" + out + err);
        }
        return out;
    }

    /** Every cycle of the graph, as its strongly connected components of more than one package. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = { 0 };
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] { start, new ArrayList<>(graph.getOrDefault(start, Set.of())).iterator() });
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String node = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> next = (java.util.Iterator<String>) frame[1];
                if (next.hasNext()) {
                    String to = next.next();
                    if (!index.containsKey(to)) {
                        index.put(to, counter[0]);
                        low.put(to, counter[0]++);
                        stack.push(to);
                        onStack.add(to);
                        work.push(new Object[] { to, new ArrayList<>(graph.getOrDefault(to, Set.of())).iterator() });
                    } else if (onStack.contains(to)) {
                        low.put(node, Math.min(low.get(node), index.get(to)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }

    /** Whether {@code packageName} is an implementation package (a {@code .internal} segment). */
    static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    /** The names of the classes in {@code classes} (folder or jar) whose package starts with {@code prefix}. */
    static List<String> classNames(Path classes, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(classes)) {
            try (JarFile jar = new JarFile(classes.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(n -> names.add(
                        n.substring(0, n.length() - 6).replace('/', '.')));
            }
        } else {
            try (Stream<Path> files = Files.walk(classes)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String rel = classes.relativize(f).toString();
                    names.add(rel.substring(0, rel.length() - 6).replace(java.io.File.separatorChar, '.'));
                });
            }
        }
        names.removeIf(n -> !n.startsWith(prefix) || n.endsWith("package-info") || n.endsWith("module-info"));
        names.sort(null);
        return names;
    }

    /**
     * Where a public or protected member of a public type of an API package names a type of
     * an internal package (as {@code internal} tells packages apart): one line per leak,
     * "Type.member: internal.Type".
     */
    static List<String> internalTypesInApi(List<String> classNames, ClassLoader loader, Predicate<String> internal)
            throws ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c = Class.forName(name, false, loader);
            if (internal.test(c.getPackageName()) || !visible(c)) {
                continue;
            }
            String owner = c.getName();
            check(leaks, internal, owner + " extends", c.getGenericSuperclass());
            for (Type t : c.getGenericInterfaces()) {
                check(leaks, internal, owner + " implements", t);
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    check(leaks, internal, owner + "." + rc.getName(), rc.getGenericType());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f)) {
                    check(leaks, internal, owner + "." + f.getName(), f.getGenericType());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k)) {
                    checkAll(leaks, internal, owner + ".<init>", k.getGenericParameterTypes());
                    checkAll(leaks, internal, owner + ".<init> throws", k.getGenericExceptionTypes());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m) && !m.isSynthetic()) {
                    check(leaks, internal, owner + "." + m.getName() + "()", m.getGenericReturnType());
                    checkAll(leaks, internal, owner + "." + m.getName() + "()", m.getGenericParameterTypes());
                    checkAll(leaks, internal, owner + "." + m.getName() + "() throws", m.getGenericExceptionTypes());
                }
            }
        }
        return leaks;
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    private static void checkAll(List<String> leaks, Predicate<String> internal, String where, Type[] types) {
        for (Type t : types) {
            check(leaks, internal, where, t);
        }
    }

    private static void check(List<String> leaks, Predicate<String> internal, String where, Type type) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && internal.test(c.getPackageName())) {
                leaks.add(where + ": " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(leaks, internal, where, p.getRawType());
            checkAll(leaks, internal, where, p.getActualTypeArguments());
        } else if (type instanceof GenericArrayType a) {
            check(leaks, internal, where, a.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            checkAll(leaks, internal, where, w.getUpperBounds());
            checkAll(leaks, internal, where, w.getLowerBounds());
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                // a bound may name the variable again (T extends Comparable<T>): check only its raw type
                check(leaks, internal, where, bound instanceof ParameterizedType p ? p.getRawType() : bound);
            }
        }
    }
}
