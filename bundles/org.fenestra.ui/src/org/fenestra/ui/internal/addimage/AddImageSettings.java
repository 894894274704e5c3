package org.fenestra.ui.internal.addimage;

import org.fenestra.content.api.ImportRequest;

/** What the wizard's pages collect, turned into one import request at the end. */
final class AddImageSettings {

    String sourcePath = "";
    boolean eulaAccepted;
    /** 0: import the file as it is. */
    int extractIndex;
    String architecture = "";
    String language = "";
    String name = "";
    String version = "";
    String comment = "";

    ImportRequest toRequest(String user) {
        return new ImportRequest(sourcePath, eulaAccepted ? user : null, extractIndex, name, version, comment,
                architecture, language);
    }

    /** Lines of the Summary page. */
    String summary() {
        return String.join(System.lineSeparator(),
                "Data source:            " + sourcePath,
                "License terms accepted: " + (eulaAccepted ? "yes" : "no"),
                "Image index:            " + (extractIndex == 0 ? "all (the file as it is)"
                        : extractIndex + " (extracted into a new WIM beside the source)"),
                "Architecture:           " + (architecture.isEmpty() ? "from the image" : architecture),
                "Language:               " + (language.isEmpty() ? "from the image" : language),
                "Name:                   " + (name.isEmpty() ? "(file name)" : name),
                "Version:                " + version,
                "Comment:                " + comment);
    }
}
