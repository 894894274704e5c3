package org.fenestra.dism;

/**
 * The package needs a newer servicing stack in the image first (CBS {@code 0x800F0823}):
 * apply the servicing stack update (SSU), then this package.
 *
 * @since 0.1
 */
public class DismServicingStackRequiredException extends DismException {

    private static final long serialVersionUID = 1L;

    public DismServicingStackRequiredException(String function, int hresult, String dismMessage, String hint) {
        super(function, hresult, dismMessage, hint);
    }
}
