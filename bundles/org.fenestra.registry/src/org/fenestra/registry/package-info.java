/**
 * Windows registry hive files (REGF): {@link org.fenestra.registry.Hive} reads and edits them,
 * {@link org.fenestra.registry.RegFile} reads and writes Regedit's {@code .reg} files. Plain Java,
 * no OSGi API; every failure is a {@link org.fenestra.registry.HiveException}.
 */
package org.fenestra.registry;
