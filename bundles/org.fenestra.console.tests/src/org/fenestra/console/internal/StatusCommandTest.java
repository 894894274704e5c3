package org.fenestra.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Runs inside a real Equinox framework with Felix SCR and Gogo: no mocks. */
class StatusCommandTest {

    private static final String STATUS_COMPONENT = StatusCommand.class.getName();

    @Test
    void scrRegistersTheStatusCommandAsAGogoCommand() throws Exception {
        BundleContext context = startedConsoleBundle();
        ServiceComponentRuntime scr = await(context, ServiceComponentRuntime.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals(STATUS_COMPONENT)).findFirst().orElse(null);
        assertNotNull(description, "SCR knows no component " + STATUS_COMPONENT);
        assertEquals("org.fenestra.console", description.bundle.symbolicName);
        assertTrue(scr.isComponentEnabled(description));

        ServiceReference<?>[] commands = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=fenestra)(osgi.command.function=status))");
        assertNotNull(commands, "fenestra:status is not registered as a Gogo command");
        assertEquals(1, commands.length);
    }

    @Test
    void statusOutputNamesTheRegisteredComponents() throws Exception {
        String table = execute(startedConsoleBundle(), "fenestra:status");
        assertTrue(table.contains(STATUS_COMPONENT), table);
        assertTrue(table.contains(HeadlessConsole.class.getName()), table);
        assertTrue(table.contains("org.fenestra.catalog.api.ImageCatalog"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith(STATUS_COMPONENT) && l.contains("ACTIVE")), table);
        assertTrue(table.contains("Fenestra components"), table);
    }

    @Test
    void aComponentItsBundleSwitchedOffIsNoFaultButAnUnsatisfiedOneIs() {
        // The DISM servicer is DISABLED wherever DismApi.dll does not load: status must still exit 0 there.
        assertTrue(new ComponentStatusReport.Row("org.fenestra.dism.servicer", "org.fenestra.dism", "DISABLED",
                java.util.List.of()).healthy());
        assertTrue(new ComponentStatusReport.Row("c", "org.fenestra.x", "SATISFIED", java.util.List.of()).healthy());
        for (String fault : java.util.List.of("UNSATISFIED_REFERENCE", "UNSATISFIED_CONFIGURATION", "ENABLED")) {
            assertTrue(!new ComponentStatusReport.Row("c", "org.fenestra.x", fault, java.util.List.of()).healthy(),
                    fault);
        }
    }

    @Test
    void commandNamesParseIntoScopeAndFunction() {
        assertEquals(new HeadlessConsole.CommandName("fenestra", "image-show"),
                HeadlessConsole.CommandName.parse("fenestra:image-show FEN00001"));
        assertEquals(new HeadlessConsole.CommandName("*", "lb"),
                HeadlessConsole.CommandName.parse("lb"));
        assertEquals("(&(osgi.command.scope=a\\*b)(osgi.command.function=c))",
                new HeadlessConsole.CommandName("a*b", "c").serviceFilter());
    }
}
