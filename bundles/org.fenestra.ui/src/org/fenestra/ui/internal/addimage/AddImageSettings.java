package org.fenestra.ui.internal.addimage;

import org.fenestra.content.api.ImportRequest;
import org.fenestra.ui.internal.Messages;

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
                Messages.Summary_source + sourcePath,
                Messages.Summary_eula + (eulaAccepted ? Messages.Summary_yes : Messages.Summary_no),
                Messages.Summary_index + (extractIndex == 0 ? Messages.Summary_allIndexes
                        : Messages.bind(Messages.Summary_extractedIndex, extractIndex)),
                Messages.Summary_architecture + (architecture.isEmpty() ? Messages.Summary_fromImage : architecture),
                Messages.Summary_language + (language.isEmpty() ? Messages.Summary_fromImage : language),
                Messages.Summary_name + (name.isEmpty() ? Messages.Summary_fileName : name),
                Messages.Summary_version + version,
                Messages.Summary_comment + comment);
    }
}
