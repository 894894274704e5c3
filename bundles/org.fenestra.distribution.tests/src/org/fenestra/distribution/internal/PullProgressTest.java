package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull chain of two (DP2 pulls from DP1, DP3 from DP2), three real DP processes: while each
 * pull-DP pulls, the site reports it In Progress with a rising percentage it asked the DP for.
 */
class PullProgressTest {

    @TempDir
    static Path dir;
    private static final List<DpProcess> DPS = new ArrayList<>();
    /** How often the site asks a pull-DP (PullProgress; 500 ms by default): often, so a short pull is seen. */
    private static final String POLL_MILLIS = "fenestra.distribution.pullPollMillis";

    @BeforeAll
    static void startDps() throws Exception {
        for (int i = 1; i <= 3; i++) {
            DPS.add(DpProcess.start(dir.resolve("dp" + i)));
        }
    }

    @AfterAll
    static void stopDps() throws Exception {
        for (DpProcess dp : DPS) {
            dp.close();
        }
        System.clearProperty(POLL_MILLIS);
    }

    @Test
    void eachPullDpOfAChainIsReportedInProgressWithRisingPercentages() throws Exception {
        System.setProperty(POLL_MILLIS, "50");
        DistributionPoints points = Services.get(DistributionPoints.class);
        ContentDistribution distribution = Services.get(ContentDistribution.class);
        String prefix = "Q" + Long.toString(System.nanoTime() % 1_000_000, 36);
        points.add(prefix + "-dp1", DPS.get(0).url, DPS.get(0).fingerprint, DPS.get(0).secret());
        points.add(prefix + "-dp2", DPS.get(1).url, DPS.get(1).fingerprint, DPS.get(1).secret(), prefix + "-dp1");
        points.add(prefix + "-dp3", DPS.get(2).url, DPS.get(2).fingerprint, DPS.get(2).secret(), prefix + "-dp2");
        Path wim = TestFiles.capturedWim(dir, "pulledWithProgress", 160 << 20, 51);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = Services.get(ImageCatalog.class).add(new NewOsImage(prefix + " pulled", "1", "",
                wim.toString(), wim.toString(), 1, "10.0.26100.1", "Enterprise", Architecture.X64, "en-US",
                java.nio.file.Files.size(wim), new EulaAcceptance("tester", Instant.now())));
        List<ContentStatus> heard = Collections.synchronizedList(new ArrayList<>());

        List<ContentStatus> result = distribution.distribute(image.id(),
                List.of(prefix + "-dp1", prefix + "-dp2", prefix + "-dp3"), heard::add);

        result.forEach(s -> assertEquals(State.INSTALLED, s.state(), s.dpName() + ": " + s.describe()));
        for (String pullDp : List.of(prefix + "-dp2", prefix + "-dp3")) {
            List<Integer> percents = heard.stream().filter(s -> s.dpName().equals(pullDp) && s.state() == State.IN_PROGRESS)
                    .map(ContentStatus::percent).toList();
            assertTrue(percents.stream().anyMatch(p -> p > 0 && p < 100), pullDp + " was reported in progress: " + percents);
            for (int i = 1; i < percents.size(); i++) {
                assertTrue(percents.get(i) >= percents.get(i - 1), pullDp + ": percentages only rise: " + percents);
            }
        }
        for (DpProcess dp : DPS) {
            assertEquals(sha, TestFiles.sha256sum(dp.data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha)));
        }
        assertEquals(State.INSTALLED, distribution.status(image.id()).stream()
                .filter(s -> s.dpName().equals(prefix + "-dp3")).findFirst().orElseThrow().state());
        points.remove(prefix + "-dp3");
        points.remove(prefix + "-dp2");
    }
}
