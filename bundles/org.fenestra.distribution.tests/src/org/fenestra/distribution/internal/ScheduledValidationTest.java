package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.ValidationSchedule;
import org.fenestra.distribution.api.ValidationSchedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site server's clock runs validation schedules by itself (the tests tick it every second:
 * fenestra.distribution.validationTickSeconds=1 in the pom): a damaged file on a real DP process
 * is found without anyone asking, named with its expected hash, in the content status and in the
 * schedule's last result.
 */
class ScheduledValidationTest {

    @TempDir
    Path dir;

    @Test
    void aDueScheduleValidatesTheDpByItselfAndNamesTheDamagedFile() throws Exception {
        DistributionPoints points = Services.get(DistributionPoints.class);
        ContentDistribution distribution = Services.get(ContentDistribution.class);
        ValidationSchedules schedules = Services.get(ValidationSchedules.class);
        ImageCatalog catalog = Services.get(ImageCatalog.class);
        String dpName = "V" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (DpProcess dp = DpProcess.start(dir.resolve("dp"))) {
            points.add(dpName, dp.url, dp.fingerprint, dp.secret());
            Path wim = Files.copy(Path.of("data", "multi.wim"), dir.resolve("scheduled.wim"));
            String sha = TestFiles.sha256sum(wim);
            OsImageRecord image = catalog.add(new NewOsImage(dpName + " scheduled", "1", "", wim.toString(),
                    wim.toString(), 1, "10.0.22621.1", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                    new EulaAcceptance("tester", Instant.now())));
            assertEquals(ContentStatus.State.INSTALLED, distribution.distribute(image.id(), List.of(dpName),
                    DistributionListener.NONE).get(0).state());
            try (RandomAccessFile stored = new RandomAccessFile(dp.data.resolve("library/content/"
                    + sha.substring(0, 2) + "/" + sha).toFile(), "rw")) {
                stored.seek(100);
                int b = stored.read();
                stored.seek(100);
                stored.write(b ^ 1);
            }

            Instant setAt = Instant.now();
            schedules.set(dpName.toLowerCase(), Duration.ofHours(24), setAt);

            ValidationSchedule ran = awaitRun(schedules, dpName);
            String expected = "scheduled.wim: expected SHA-256 " + sha;
            assertTrue(ran.lastResult().contains(image.id() + " on " + dpName) && ran.lastResult().contains(expected),
                    ran.lastResult());
            assertTrue(ran.nextRun().isAfter(setAt.plus(Duration.ofHours(23))), "the next run is a day on: " + ran);
            ContentStatus status = distribution.status(image.id()).get(0);
            assertEquals(ContentStatus.State.FAILED, status.state());
            assertTrue(status.reason().contains(expected), status.reason());
            assertEquals(0, schedules.runDue(Instant.now()), "not due again until tomorrow");

            schedules.set("", Duration.ofDays(7), Instant.now().plus(Duration.ofDays(1)));
            assertTrue(schedules.list().stream().anyMatch(s -> s.siteWide() && s.interval().equals(Duration.ofDays(7))));
            assertTrue(schedules.remove(""));
            assertTrue(schedules.remove(dpName));
            assertFalse(schedules.remove(dpName));
            assertEquals(DistributionException.Reason.INVALID_ARGUMENT, assertThrows(DistributionException.class,
                    () -> schedules.set(dpName, Duration.ofSeconds(10), null)).reason());
            assertEquals(DistributionException.Reason.NO_SUCH_DP, assertThrows(DistributionException.class,
                    () -> schedules.set("no-such-dp", Duration.ofHours(1), null)).reason());
            points.remove(dpName);
        }
    }

    private static ValidationSchedule awaitRun(ValidationSchedules schedules, String dpName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ValidationSchedule schedule : schedules.list()) {
                if (schedule.dpName().equals(dpName) && schedule.lastRun().isPresent()) {
                    return schedule;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the site server did not run the schedule of " + dpName + " within 60 s");
    }
}
