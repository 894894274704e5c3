/** Implementation: the thread machinery (ordered parallel pipeline); the format code never sees threads. */
package org.fenestra.wim.internal.pipeline;
