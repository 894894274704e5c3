/** Implementation: the on-disk structures of a WIM, one class each, with their layouts. */
package org.fenestra.wim.internal.format;
