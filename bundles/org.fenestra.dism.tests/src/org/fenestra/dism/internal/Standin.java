package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismHostOptions;
import org.fenestra.dism.DismLogLevel;
import org.fenestra.dism.internal.binding.Utf16String;

/**
 * The stand-in DismApi (native/dismapi_standin.c), built with gcc into target/standin/ once per
 * test run, and its test controls. Two builds: {@link #FOLDER} exports {@code _DismCleanImage},
 * {@link #FOLDER_WITHOUT_CLEAN_IMAGE} does not (as older DISM versions).
 */
public final class Standin {

    static final Path SOURCE = Path.of("native", "dismapi_standin.c");
    public static final Path FOLDER = build("with-clean-image");
    public static final Path FOLDER_WITHOUT_CLEAN_IMAGE = build("without-clean-image", "-DSTANDIN_WITHOUT_CLEAN_IMAGE");
    public static final Control CONTROL = Native.load(library(FOLDER).toString(), Control.class);

    /** The stand-in's Standin_* functions (same library handle as the binding's, so the same state). */
    public interface Control extends Library {
        void Standin_Reset();

        void Standin_Program(String function, int result, Utf16String message);

        void Standin_FailPackage(Utf16String path, int result, Utf16String message);

        void Standin_SetProgress(int steps, int stepMillis, int silent);

        void Standin_AddStaleMount(Utf16String mount, Utf16String image, int index);

        int Standin_CallLog(Memory out, int size);

        int Standin_BuffersHandedOut();

        int Standin_LiveBuffers();

        int Standin_BadDeletes();

        int Standin_InitializeCalls();

        int Standin_ShutdownCalls();

        int Standin_OpenSessions();

        int Standin_OffsetOf(String structure, String field);

        int Standin_SizeOf(String structure);

        void Standin_UseFiles(String wimlibImagex);

        void Standin_SetImageVersion(int major, int minor, int build, int revision);
    }

    private Standin() {
    }

    public static Path library(Path folder) {
        return folder.resolve(System.mapLibraryName("DismApi")).toAbsolutePath();
    }

    private static Path build(String name, String... defines) {
        try {
            Path folder = Path.of("target", "standin", name).toAbsolutePath();
            Files.createDirectories(folder);
            List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-std=gnu11", "-pthread",
                    "-Wall", "-Wno-unused-parameter"));
            command.addAll(List.of(defines));
            command.addAll(List.of("-o", library(folder).toString(), SOURCE.toAbsolutePath().toString()));
            Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                throw new IllegalStateException("gcc could not build the DismApi stand-in (releng/scripts/"
                        + "install-prerequisites.sh installs gcc): " + String.join(" ", command) + "\n" + output);
            }
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException("gcc could not be run to build the DismApi stand-in (releng/scripts/"
                    + "install-prerequisites.sh installs gcc)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static DismHostOptions options() {
        return new DismHostOptions(FOLDER, DismLogLevel.ERRORS_WARNINGS_INFO, null, null);
    }

    public static DismHost start() throws DismException {
        return DismHost.start(options());
    }

    public static void reset() {
        CONTROL.Standin_Reset();
    }

    /** The test controls of the stand-in built into {@code folder} (each build is its own library, with its own state). */
    public static Control control(Path folder) {
        return Native.load(library(folder).toString(), Control.class);
    }

    /** Files mode (see dismapi_standin.c): real WIMs, mounted and committed with wimlib-imagex. */
    public static void useFiles() {
        CONTROL.Standin_UseFiles("wimlib-imagex");
    }

    /** Every buffer handed out came back through DismDelete once, and no session is open. */
    public static void assertNoLeaks() {
        assertEquals(0, CONTROL.Standin_LiveBuffers(), "buffers never passed to DismDelete");
        assertEquals(0, CONTROL.Standin_BadDeletes(), "DismDelete of a pointer twice or never handed out");
        assertEquals(0, CONTROL.Standin_OpenSessions(), "sessions left open");
    }

    public static void program(String function, int result, String message) {
        try (Utf16String text = Utf16String.of(message)) {
            CONTROL.Standin_Program(function, result, text);
        }
    }

    public static void failPackage(String path, int result, String message) {
        try (Utf16String p = Utf16String.of(path); Utf16String text = Utf16String.of(message)) {
            CONTROL.Standin_FailPackage(p, result, text);
        }
    }

    public static void addStaleMount(String mount, String image, int index) {
        try (Utf16String m = Utf16String.of(mount); Utf16String i = Utf16String.of(image)) {
            CONTROL.Standin_AddStaleMount(m, i, index);
        }
    }

    /** Every call the stand-in saw since the last reset, one line each, strings decoded from the UTF-16 it got. */
    public static List<String> calls() {
        int length = CONTROL.Standin_CallLog(null, 0);
        try (Memory out = new Memory(length + 1L)) {
            CONTROL.Standin_CallLog(out, length + 1);
            String text = new String(out.getByteArray(0, length), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    public static List<String> calls(String function) {
        return calls().stream().filter(line -> line.equals(function) || line.startsWith(function + " ")).toList();
    }
}
