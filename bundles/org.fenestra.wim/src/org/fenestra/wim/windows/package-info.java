/**
 * What a Windows image is, read from its own registry hives and {@code kernel32.dll}: used at
 * import (image facts) and at capture (the WIM's {@code <WINDOWS>} element).
 *
 * @since 0.1
 */
package org.fenestra.wim.windows;
