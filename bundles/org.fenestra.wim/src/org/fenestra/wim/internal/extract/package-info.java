/** Implementation: extraction to a directory, through the {@code org.fenestra.wim} API. */
package org.fenestra.wim.internal.extract;
