/** Implementation: Regedit's {@code .reg} files, parsed into operations and written from keys. */
package org.fenestra.registry.internal.regfile;
