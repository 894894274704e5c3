package org.fenestra.dism;

import java.util.Locale;

/**
 * A DISM call failed. Carries the function, its HRESULT, DISM's own last error message (as
 * {@code DismGetLastErrorMessage} gave it on the failing thread) and a hint in plain language.
 *
 * @since 0.1
 */
public class DismException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final int hresult;
    private final String dismMessage;
    private final String hint;

    public DismException(String function, int hresult, String dismMessage, String hint) {
        super(describe(function, hresult, dismMessage, hint));
        this.function = function;
        this.hresult = hresult;
        this.dismMessage = dismMessage;
        this.hint = hint;
    }

    /** A failure before or around DISM (loading it, a missing export): no HRESULT. */
    protected DismException(String message) {
        super(message);
        this.function = null;
        this.hresult = 0;
        this.dismMessage = null;
        this.hint = null;
    }

    private static String describe(String function, int hresult, String dismMessage, String hint) {
        StringBuilder text = new StringBuilder()
                .append(function).append(" failed (").append(hex(hresult)).append(')');
        if (dismMessage != null && !dismMessage.isBlank()) {
            text.append(": ").append(dismMessage.strip());
        }
        if (hint != null) {
            text.append(". ").append(hint);
        }
        return text.toString();
    }

    /** {@code 0x800F081E}. */
    public static String hex(int hresult) {
        return String.format(Locale.ROOT, "0x%08X", hresult);
    }

    /** The DismApi function that failed, {@code null} when the failure was not a DISM call's. */
    public String function() {
        return function;
    }

    public int hresult() {
        return hresult;
    }

    /** DISM's last error message, {@code null} when it had none. */
    public String dismMessage() {
        return dismMessage;
    }

    /** What the failure means and what to do, in plain language; {@code null} when unknown. */
    public String hint() {
        return hint;
    }
}
