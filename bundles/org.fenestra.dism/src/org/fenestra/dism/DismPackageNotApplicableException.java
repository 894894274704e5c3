package org.fenestra.dism;

/**
 * The package does not apply to this image (CBS {@code 0x800F081E}): another edition, architecture
 * or release, or already superseded. Servicing records such an update as not applicable, not as failed.
 *
 * @since 0.1
 */
public class DismPackageNotApplicableException extends DismException {

    private static final long serialVersionUID = 1L;

    public DismPackageNotApplicableException(String function, int hresult, String dismMessage, String hint) {
        super(function, hresult, dismMessage, hint);
    }
}
