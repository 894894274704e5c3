/** Implementation: {@code fenestra hive}, the hive library's command line. */
package org.fenestra.registry.internal.cli;
