package org.fenestra.dism;

/**
 * DISM cannot be used here: DismApi.dll did not load from any of the places tried (each named,
 * with why), or it lacks a function this version of DISM does not export.
 *
 * @since 0.1
 */
public class DismUnavailableException extends DismException {

    private static final long serialVersionUID = 1L;

    public DismUnavailableException(String message) {
        super(message);
    }
}
