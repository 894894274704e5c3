package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The image commands against the real catalog service (H2 under target/) and a real WIM. */
class ImageCommandsTest {

    @Test
    void listShowAndRemoveWorkOnTheCatalog() throws Exception {
        BundleContext context = startedConsoleBundle();
        ImageCatalog catalog = await(context, ImageCatalog.class);
        OsImageRecord added = catalog.add(new NewOsImage("Console Test " + System.nanoTime(), "2026-11", "",
                "/share/install.wim", "/library/install-2.wim", 2, "10.0.22631.4460", "Enterprise", Architecture.X64,
                "en-US", 123_456_789L, new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:00:00Z"))));

        String listed = execute(context, "fenestra:image-list");
        assertTrue(listed.lines().anyMatch(l -> l.startsWith(added.id()) && l.contains(added.name())), listed);

        String show = execute(context, "fenestra:image-show " + added.id());
        assertTrue(show.contains("CONTOSO\\admin"), show);
        assertTrue(show.lines().anyMatch(l -> l.startsWith("Source index") && l.endsWith("2")), show);
        assertTrue(show.lines().anyMatch(l -> l.startsWith("Size") && l.endsWith("118 MB (123456789 bytes)")), show);

        String list = execute(context, "image-list");
        assertTrue(list.lines().anyMatch(l -> l.startsWith(added.id()) && l.contains("118 MB")
                && l.contains(HumanReadable.dateTime(added.dateAdded())) && l.contains(" x64 ")), list);

        execute(context, "fenestra:image-remove " + added.id());
        assertThrows(ImageNotFoundException.class, () -> execute(context, "fenestra:image-show " + added.id()));
        assertTrue(catalog.findByName(added.name()).isEmpty());
    }

    @Test
    void indexesListsEveryImageOfARealWim() throws Exception {
        String indexes = execute(startedConsoleBundle(), "fenestra:image-indexes data/multi.wim");
        assertTrue(indexes.startsWith("INDEX"), indexes);
        assertTrue(indexes.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("modified") && l.contains("yes")), indexes);
        assertTrue(indexes.lines().count() == 4, indexes);
    }

    @Test
    void wrongArgumentsGiveTheUsage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> execute(startedConsoleBundle(), "fenestra:image-show"));
        assertTrue(error.getMessage().contains("Missing required parameter: 'ID'"), error.getMessage());
        assertTrue(error.getMessage().contains("Usage: fenestra:image-show [-h] ID"), error.getMessage());
        assertTrue(error.getMessage().contains("(help image-show describes every option)"), error.getMessage());
    }
}
