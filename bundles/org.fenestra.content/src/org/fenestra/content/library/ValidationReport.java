package org.fenestra.content.library;

import java.util.List;

/**
 * The result of validating one package version: every file whose content is missing or damaged.
 *
 * @since 0.1
 */
public record ValidationReport(String packageId, int version, int filesChecked, List<ContentProblem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** "package P version V: N files valid" or one line per problem after a summary line. */
    public String message() {
        if (isValid()) {
            return "package " + packageId + " version " + version + ": " + filesChecked + " files valid";
        }
        StringBuilder text = new StringBuilder("package " + packageId + " version " + version + ": "
                + problems.size() + " of " + filesChecked + " files invalid");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p.message()));
        return text.toString();
    }
}
