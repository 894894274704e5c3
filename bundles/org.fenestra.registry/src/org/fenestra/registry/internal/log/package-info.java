/** Implementation: replaying new-format transaction logs into a dirty hive. */
package org.fenestra.registry.internal.log;
