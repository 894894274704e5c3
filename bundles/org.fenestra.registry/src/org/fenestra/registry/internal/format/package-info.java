/** Implementation: the REGF on-disk layout (base block, hbins, cells) and checked byte access. */
package org.fenestra.registry.internal.format;
