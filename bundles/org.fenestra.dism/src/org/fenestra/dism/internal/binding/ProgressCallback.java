package org.fenestra.dism.internal.binding;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/** {@code typedef void (CALLBACK *DISM_PROGRESS_CALLBACK)(UINT Current, UINT Total, PVOID UserData);} */
public interface ProgressCallback extends Callback {

    void invoke(int current, int total, Pointer userData);
}
