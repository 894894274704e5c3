/** Implementation: reading many blobs with each resource read once, and the solid-chunk cache. */
package org.fenestra.wim.internal.read;
