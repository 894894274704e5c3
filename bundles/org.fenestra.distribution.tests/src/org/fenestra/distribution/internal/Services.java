package org.fenestra.distribution.internal;

import org.fenestra.catalog.testing.TestServices;

/** The services DS publishes in the test framework, seen from the distribution bundle. */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type) throws Exception {
        return TestServices.get(type, Services.class);
    }
}
