package org.fenestra.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** The detector the UI tests rely on (this class does not use it, so its test can log on purpose). */
class LoggedErrorsTest {

    @Test
    void aLoggedSwtExceptionAndAWarningWithACauseAreBothCaught() {
        LoggedErrors.Recorder recorder = LoggedErrors.Recorder.start();
        Platform.getLog(FrameworkUtil.getBundle(LoggedErrorsTest.class)).log(
                Status.error("cannot update the view", new SWTException(SWT.ERROR_WIDGET_DISPOSED)));
        System.getLogger("org.fenestra.test").log(System.Logger.Level.WARNING, "a warning with a cause",
                new IllegalStateException("boom"));
        System.getLogger("org.fenestra.test").log(System.Logger.Level.INFO, "an ordinary line");
        List<String> logged = recorder.stop();
        assertEquals(2, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("Widget is disposed"), logged.get(0));
        assertTrue(logged.get(1).contains("boom"), logged.get(1));
    }
}
