package org.fenestra.distribution.internal.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.distribution.api.MulticastSession;

/**
 * Reads a DP's {@code GET /admin/multicast/sessions} answer: {@code SESSION ID key=value...} lines,
 * each followed by its {@code RECEIVER SESSION key=value... detail=TEXT} lines (detail last: it may
 * hold spaces). Lines it does not know are skipped, so a newer DP can say more.
 */
final class MulticastSessionReport {

    private MulticastSessionReport() {
    }

    static List<MulticastSession> parse(String dpName, String report) {
        Map<Long, Map<String, String>> sessions = new LinkedHashMap<>();
        Map<Long, List<MulticastSession.Receiver>> receivers = new HashMap<>();
        for (String line : report.lines().toList()) {
            String[] words = line.split(" ", 3);
            if (words.length < 3) {
                continue;
            }
            try {
                long session = Long.parseLong(words[1]);
                Map<String, String> fields = fields(words[2]);
                if (words[0].equals("SESSION")) {
                    sessions.put(session, fields);
                } else if (words[0].equals("RECEIVER")) {
                    receivers.computeIfAbsent(session, k -> new ArrayList<>()).add(new MulticastSession.Receiver(
                            Integer.parseInt(fields.get("id")), fields.getOrDefault("address", "-"),
                            fields.getOrDefault("state", "?"), Long.parseLong(fields.getOrDefault("bytes", "0")),
                            Long.parseLong(fields.getOrDefault("rate", "0")), fields.getOrDefault("detail", "")));
                }
            } catch (NumberFormatException | NullPointerException e) {
                // a line this site cannot read: skipped
            }
        }
        List<MulticastSession> all = new ArrayList<>();
        sessions.forEach((id, f) -> all.add(new MulticastSession(dpName, id, f.getOrDefault("package", "?"),
                Integer.parseInt(f.getOrDefault("stream", "1")), f.getOrDefault("group", "?"), f.getOrDefault("state", "?"), "yes".equals(f.get("encrypted")),
                Long.parseLong(f.getOrDefault("size", "0")), receivers.getOrDefault(id, List.of()))));
        return all;
    }

    /** {@code key=value} words; {@code detail=} takes the rest of the line. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        int detail = text.indexOf("detail=");
        if (detail >= 0) {
            fields.put("detail", text.substring(detail + "detail=".length()));
            text = text.substring(0, detail);
        }
        for (String word : text.trim().split(" +")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }
}
