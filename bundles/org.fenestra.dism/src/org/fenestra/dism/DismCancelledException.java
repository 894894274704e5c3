package org.fenestra.dism;

/**
 * The call was cancelled (through {@link DismProgress#isCanceled()} and DISM's cancel event, or by
 * DISM itself: {@code ERROR_CANCELLED}, {@code ERROR_REQUEST_ABORTED}).
 *
 * @since 0.1
 */
public class DismCancelledException extends DismException {

    private static final long serialVersionUID = 1L;

    public DismCancelledException(String function, int hresult, String dismMessage, String hint) {
        super(function, hresult, dismMessage, hint);
    }
}
