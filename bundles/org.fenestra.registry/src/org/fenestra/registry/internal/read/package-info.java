/** Implementation: validating a hive and reading its keys and values. */
package org.fenestra.registry.internal.read;
