/** Implementation: editing a hive (cells, lists, transactions) and creating new ones. */
package org.fenestra.registry.internal.write;
