package org.fenestra.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

class MigrationScriptsTest {

    @Test
    void theBundleShipsItsMigrationsInVersionOrder() {
        List<MigrationScript> scripts = MigrationScripts.in(FrameworkUtil.getBundle(JdbcImageCatalog.class));

        assertEquals("V1__os_images", scripts.get(0).name());
        for (int i = 0; i < scripts.size(); i++) {
            assertEquals(i + 1, scripts.get(i).version());
        }
        assertTrue(scripts.get(0).statements().stream().anyMatch(s -> s.startsWith("CREATE TABLE os_image")));
    }

    @Test
    void versionsMustRunWithoutGapsOrDuplicates() {
        MigrationScript one = new MigrationScript(1, "a", "");
        MigrationScript three = new MigrationScript(3, "c", "");

        IllegalStateException gap = assertThrows(IllegalStateException.class,
                () -> MigrationScripts.ordered(List.of(three, one)));
        assertTrue(gap.getMessage().contains("[V1__a, V3__c]"), gap.getMessage());
        assertThrows(IllegalStateException.class, () -> MigrationScripts.ordered(List.of(one, one)));
        assertEquals(List.of(one, new MigrationScript(2, "b", "")),
                MigrationScripts.ordered(List.of(new MigrationScript(2, "b", ""), one)));
    }

    @Test
    void fileNamesCarryVersionAndDescription() {
        MigrationScript script = MigrationScript.named("V12__distribution_points.sql", "SELECT 1;");

        assertEquals(12, script.version());
        assertEquals("distribution_points", script.description());
        assertThrows(IllegalArgumentException.class, () -> MigrationScript.named("V1_missing_underscore.sql", ""));
        assertThrows(IllegalArgumentException.class, () -> MigrationScript.named("V0__zero.sql", ""));
    }

    @Test
    void scriptsSplitAtSemicolonsEndingALineAndDropCommentLines() {
        List<String> statements = SqlScript.statements("""
                -- a comment; with a semicolon;
                CREATE TABLE t (
                    a INTEGER, -- a trailing note stays in the statement
                    b VARCHAR(10)
                );

                INSERT INTO t (a, b) VALUES (1, 'x;y');
                """);

        assertEquals(List.of(
                "CREATE TABLE t (\na INTEGER, -- a trailing note stays in the statement\nb VARCHAR(10)\n)",
                "INSERT INTO t (a, b) VALUES (1, 'x;y')"), statements);
        assertThrows(IllegalArgumentException.class, () -> SqlScript.statements("SELECT 1"));
    }
}
