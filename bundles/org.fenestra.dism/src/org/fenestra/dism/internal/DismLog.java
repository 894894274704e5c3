package org.fenestra.dism.internal;

/**
 * The binding's logger. Named under {@code org.fenestra.servicing} so that, in the products,
 * its lines land in the servicing log with the rest of servicing (see {@code LogConcern}).
 */
final class DismLog {

    static final System.Logger LOG = System.getLogger("org.fenestra.servicing.dism");

    private DismLog() {
    }
}
