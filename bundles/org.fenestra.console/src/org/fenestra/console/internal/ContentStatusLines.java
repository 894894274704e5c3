package org.fenestra.console.internal;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentTransfer;
import org.fenestra.distribution.api.DistributionListener;

/** Content status on the console: a table per image, and progress lines while content moves. */
final class ContentStatusLines {

    private ContentStatusLines() {
    }

    static String table(List<ContentStatus> statuses) {
        TextTable table = new TextTable("DP", "STATUS", "UPDATED");
        for (ContentStatus status : statuses) {
            table.row(status.dpName(), status.describe(), HumanReadable.dateTime(status.updatedAt()));
        }
        return table.format();
    }

    /**
     * Prints "DP: In Progress (40%)" when a DP's state changes or its progress passes another 10 %,
     * and what was sent to each DP once it is installed ("DP: 1.1 MB sent (WIM delta; …)").
     */
    static DistributionListener progress(PrintStream out) {
        Map<String, String> last = new HashMap<>();
        return new DistributionListener() {
            @Override
            public void statusChanged(ContentStatus status) {
                String shown = switch (status.state()) {
                    case IN_PROGRESS -> "In Progress (" + status.percent() / 10 * 10 + "%)";
                    default -> status.describe();
                };
                synchronized (last) {
                    if (!shown.equals(last.put(status.dpName(), shown))) {
                        out.println(status.dpName() + ": " + shown);
                    }
                }
            }

            @Override
            public void contentSent(ContentTransfer transfer) {
                out.println(transfer.dpName() + ": " + transfer.describe());
            }
        };
    }

    /** The command fails (exit 1) with the table when any DP failed. */
    static String resultOrFailure(List<ContentStatus> statuses) throws CommandFailedException {
        String table = table(statuses);
        if (statuses.stream().anyMatch(s -> s.state() == ContentStatus.State.FAILED)) {
            throw new CommandFailedException(table);
        }
        return table;
    }
}
