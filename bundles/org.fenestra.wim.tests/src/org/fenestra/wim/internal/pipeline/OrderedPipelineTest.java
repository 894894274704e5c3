package org.fenestra.wim.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Results come back in submission order, whether they took a worker's time or none. */
class OrderedPipelineTest {

    @Test
    void readyResultsKeepTheirPlaceAmongTasks() throws IOException {
        List<Integer> delivered = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        try (OrderedPipeline<Integer> p = new OrderedPipeline<>(3, delivered::add)) {
            for (int i = 0; i < 200; i++) {
                int value = i;
                expected.add(value);
                if (i % 3 == 0) {
                    p.add(value); // no work: must still wait for the slower tasks before it
                } else {
                    int sleep = i % 7 == 1 ? 3 : 0;
                    p.submit(() -> {
                        Thread.sleep(sleep);
                        return value;
                    });
                }
            }
            p.finish();
        }
        assertEquals(expected, delivered);
    }

    @Test
    void aFailingTaskStopsTheDeliveriesAfterIt() {
        List<Integer> delivered = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> {
            try (OrderedPipeline<Integer> p = new OrderedPipeline<>(4, delivered::add)) {
                p.add(1);
                p.submit(() -> {
                    throw new IOException("task failed");
                });
                p.add(2);
                p.finish();
            }
        });
        assertEquals("task failed", e.getMessage());
        assertEquals(List.of(1), delivered);
    }
}
