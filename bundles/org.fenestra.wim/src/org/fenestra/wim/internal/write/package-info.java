/** Implementation: writing WIMs (capture trees, resources, solid resources, blob and integrity tables, XML). */
package org.fenestra.wim.internal.write;
