package org.fenestra.dism.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests against the stand-in DismApi: each starts from a reset stand-in and ends with the leak
 * check, so every test also proves each buffer it caused came back through DismDelete exactly once.
 */
abstract class StandinTest {

    @BeforeEach
    void resetStandin() {
        Standin.reset();
    }

    @AfterEach
    void everyBufferDeletedOnce() {
        Standin.assertNoLeaks();
    }
}
