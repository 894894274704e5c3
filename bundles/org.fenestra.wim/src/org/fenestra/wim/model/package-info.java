/**
 * The values the engine's operations take and give that its implementation also uses:
 * options ({@code WriteOptions}, {@code SolidOptions}, {@code CaptureOptions},
 * {@code CaptureConfig}, {@code ModifyOptions}, {@code OptimizeOptions}, {@code ExtractOptions},
 * {@code UpdateCommand}), progress and cancellation ({@code WimProgress}), reports and small
 * value types. Depends only on {@code errors} and the compression API.
 *
 * @since 0.1
 */
package org.fenestra.wim.model;
