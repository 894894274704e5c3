/**
 * Windows' DISM API (DismApi.dll) from Java: a {@link org.fenestra.dism.DismHost} per process
 * mounts and unmounts images and opens {@link org.fenestra.dism.DismImageSession}s that add
 * packages, list them, commit and clean up components. Failures are typed
 * {@link org.fenestra.dism.DismException}s carrying DISM's own last error message and a hint in
 * plain language; long calls report progress and can be cancelled through
 * {@link org.fenestra.dism.DismProgress}.
 * <p>
 * Paths are passed to DISM as given, as Windows paths ({@code C:\mount\image}); DISM only runs
 * on Windows. On other systems the binding loads a library with the same C interface when
 * {@code fenestra.dism.path} points at one (the tests' stand-in).
 *
 * @since 0.1
 */
package org.fenestra.dism;
