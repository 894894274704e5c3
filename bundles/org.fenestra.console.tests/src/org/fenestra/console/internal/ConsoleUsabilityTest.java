package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Help, completion, readable output and the image-add/remove regressions, through real Gogo sessions. */
class ConsoleUsabilityTest {

    private static final List<String> COMMANDS = List.of(
            "fenestra:content-remove", "fenestra:content-status", "fenestra:content-token",
            "fenestra:deployment-add", "fenestra:deployment-list", "fenestra:deployment-remove",
            "fenestra:distribute", "fenestra:dp-add", "fenestra:dp-list",
            "fenestra:dp-multicast", "fenestra:dp-remove", "fenestra:help", "fenestra:image-add",
            "fenestra:image-distribution-settings", "fenestra:image-history", "fenestra:image-indexes",
            "fenestra:image-list", "fenestra:image-registry", "fenestra:image-remove", "fenestra:image-show",
            "fenestra:image-updates", "fenestra:multicast-sessions", "fenestra:redistribute",
            "fenestra:servicing-cancel", "fenestra:servicing-drive", "fenestra:servicing-log",
            "fenestra:servicing-now", "fenestra:servicing-schedule", "fenestra:servicing-status", "fenestra:status",
            "fenestra:updates-download", "fenestra:updates-list", "fenestra:updates-source-add",
            "fenestra:updates-source-list", "fenestra:updates-source-remove", "fenestra:updates-sync",
            "fenestra:upgrade-add", "fenestra:upgrade-list", "fenestra:upgrade-remove", "fenestra:upgrade-show",
            "fenestra:validate", "fenestra:validation-schedule");

    @TempDir
    Path folder;

    @Test
    void everyFenestraCommandIsDeclaredAndRegisteredUnderItsOwnName() throws Exception {
        BundleContext context = startedConsoleBundle();
        await(context, ImageCatalog.class);
        List<String> names = new ArrayList<>();
        for (ServiceReference<Function> reference : context.getServiceReferences(Function.class,
                "(osgi.command.scope=fenestra)")) {
            Function service = context.getService(reference);
            ConsoleCommand<?> command = (ConsoleCommand<?>) service;
            assertEquals(reference.getProperty("osgi.command.function"), command.function(), command.name());
            assertFalse(command.summary().isBlank(), command.name() + " has a description");
            names.add(command.name());
            context.ungetService(reference);
        }
        assertEquals(COMMANDS, names.stream().sorted().toList());
    }

    @Test
    void helpListsEveryCommandWithItsDescriptionAndShowsOneCommandsUsage() throws Exception {
        String help = execute(startedConsoleBundle(), "help");
        for (String command : COMMANDS) {
            assertTrue(help.lines().anyMatch(l -> l.startsWith(command + " ") && l.length() > command.length() + 10),
                    command + " in\n" + help);
        }
        String usage = execute(startedConsoleBundle(), "help image-add");
        assertTrue(usage.startsWith("Usage: fenestra:image-add"), usage);
        for (String option : List.of("--accept-eula", "--index=N", "--architecture=ARCH", "--language=TAG", "UNC")) {
            assertTrue(usage.contains(option), option + " in\n" + usage);
        }
        assertEquals(usage, execute(startedConsoleBundle(), "fenestra:image-add --help"));
        assertThrows(IllegalArgumentException.class, () -> execute(startedConsoleBundle(), "help no-such-command"));
    }

    @Test
    void tabCompletesCommandNamesOptionsAndDeclaredValues() throws Exception {
        CommandCompleter completer = new CommandCompleter(new ConsoleCommands(startedConsoleBundle()));
        assertTrue(complete(completer, "image-a").containsAll(List.of("image-add", "fenestra:image-add", "fenestra:help")));
        assertTrue(complete(completer, "image-add x.wim --a").containsAll(List.of("--accept-eula", "--architecture")));
        assertEquals(List.of("x86", "x64", "arm64"), complete(completer, "image-add x.wim --architecture "));
    }

    @Test
    void badFlagsSayWhichFlagAndWhy() throws Exception {
        Path source = copy();
        assertError("Missing required parameter for option '--index'", "image-add " + source + " --accept-eula --index");
        assertError("Unknown option: '--bogus'", "image-add " + source + " --accept-eula --bogus");
        assertError("--index counts images from 1", "image-add " + source + " --accept-eula --index 0");
        assertError("'abc' is not an int", "image-add " + source + " --accept-eula --index abc");
        assertError("with --accept-eula", "image-add " + source + " --index 2 --architecture x64");
        assertError("give it with --architecture x86|x64|arm64", "image-add " + source + " --accept-eula --index 2");
        assertError("BCP 47", "image-add " + source + " --accept-eula --index 2 --architecture x64 --language en_US");
        assertError("is a folder, not a WIM file", "image-add " + folder + " --accept-eula");
        assertEquals(List.of(source), Files.list(folder).toList(), "nothing written");
    }

    @Test
    void anOutOfRangeIndexIsReportedAsSuchEvenUnderATakenName() throws Exception {
        Path source = copy();
        String name = "Taken " + System.nanoTime();
        execute(startedConsoleBundle(), "image-add " + source + " --accept-eula --architecture x64 --name '" + name + "'");
        assertError("image index 7 does not exist", "image-add " + source + " --accept-eula --index 7 --name '" + name + "'");
        ImageCatalog catalog = await(startedConsoleBundle(), ImageCatalog.class);
        catalog.remove(catalog.findByName(name).orElseThrow().id());
    }

    @Test
    void removeDeletesTheExtractedWimSoTheSameIndexCanBeAddedAgainUnlessKeepFiles() throws Exception {
        Path source = copy();
        Path extracted = folder.resolve("multi-index2.wim");
        String add = "image-add " + source + " --accept-eula --index 2 --architecture x64 --name 'Again "
                + System.nanoTime() + "'";
        ImageCatalog catalog = await(startedConsoleBundle(), ImageCatalog.class);

        String added = execute(startedConsoleBundle(), add);
        String id = added.split(" ")[1];
        String show = execute(startedConsoleBundle(), "image-show " + id);
        assertTrue(show.lines().anyMatch(l -> l.startsWith("Source index") && l.endsWith(" 2")), show);
        assertTrue(show.lines().anyMatch(l -> l.startsWith("Index in stored image") && l.endsWith(" 1")), show);
        String removed = execute(startedConsoleBundle(), "image-remove " + id);
        assertTrue(removed.contains("deleted " + extracted), removed);
        assertFalse(Files.exists(extracted));

        String again = execute(startedConsoleBundle(), add);
        String kept = execute(startedConsoleBundle(), "image-remove " + again.split(" ")[1] + " --keep-files");
        assertTrue(kept.contains("kept " + extracted), kept);
        assertTrue(Files.isRegularFile(extracted));
        assertTrue(catalog.list().stream().map(OsImageRecord::storedPath).noneMatch(extracted.toString()::equals));
    }

    @Test
    void aRelativePathIsStoredAbsoluteAndNormalized() throws Exception {
        Path source = copy();
        String relative = Path.of("").toAbsolutePath().relativize(folder).resolve("../" + folder.getFileName())
                .resolve("multi.wim").toString();
        String added = execute(startedConsoleBundle(), "image-add " + relative
                + " --accept-eula --architecture x64 --name 'Relative " + System.nanoTime() + "'");
        ImageCatalog catalog = await(startedConsoleBundle(), ImageCatalog.class);
        OsImageRecord record = catalog.get(added.split(" ")[1]);
        assertEquals(source.toString(), record.sourcePath());
        execute(startedConsoleBundle(), "image-remove " + record.id());
        assertTrue(Files.isRegularFile(source), "a source added as it is is never deleted");
    }

    @Test
    void datesReadAsPeopleWriteThem() {
        assertEquals("2026-11-24 11:15",
                HumanReadable.dateTime(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.ofHours(1)));
    }

    private Path copy() throws Exception {
        return Files.copy(Path.of("data", "multi.wim"), folder.resolve("multi.wim"));
    }

    private static void assertError(String expected, String commandLine) {
        Exception error = assertThrows(Exception.class, () -> execute(startedConsoleBundle(), commandLine));
        assertTrue(error.getMessage().contains(expected), commandLine + ":\n" + error.getMessage());
    }

    private static List<String> complete(CommandCompleter completer, String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
