/**
 * Every error the WIM engine reports, all below {@link org.fenestra.wim.errors.WimException}:
 * malformed input (WimFormatException and its kinds), refused operations and cancellation.
 * Depends on nothing else of the engine.
 *
 * @since 0.1
 */
package org.fenestra.wim.errors;
