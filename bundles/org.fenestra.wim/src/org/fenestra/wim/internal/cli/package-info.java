/** Implementation: {@code fenestra wim}, wimlib-imagex's command line on the engine's API. */
package org.fenestra.wim.internal.cli;
