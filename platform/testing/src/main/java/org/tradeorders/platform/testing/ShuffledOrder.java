package org.tradeorders.platform.testing;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs a class's tests in a new order every run, so none can come to rely on another (on a clock it
 * moved, say). The seed is printed with the class's name; {@code -Dtradeorders.test.order.seed=N}
 * runs that order again.
 */
public class ShuffledOrder implements MethodOrderer {
    public static final String SEED = "tradeorders.test.order.seed";

    /**
     * One seed for the whole test JVM, kept as the system property itself: JUnit may ask an orderer
     * more than once (a Quarkus test's class is discovered again in its own class loader), and every
     * time must give the order that runs.
     */
    private static String runSeed() {
        synchronized (System.class) {
            String given = System.getProperty(SEED);
            if (given == null || given.isBlank()) {
                given = Long.toString(System.nanoTime());
                System.setProperty(SEED, given);
            }
            return given.trim();
        }
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        long seed = Long.parseLong(runSeed());
        Shuffle.inOrderOf(seed, context.getMethodDescriptors());
        System.out.printf("%s runs its tests in a shuffled order: -D%s=%d repeats it%n",
                context.getTestClass().getSimpleName(), SEED, seed);
    }
}

/** Outside {@link ShuffledOrder}, whose interface declares a {@code Random} orderer of its own. */
final class Shuffle {
    private Shuffle() {
    }

    /** Sorted first, so one seed gives one order whatever order the methods were found in. */
    static void inOrderOf(long seed, List<? extends MethodDescriptor> methods) {
        methods.sort(Comparator.comparing(d -> d.getMethod().toString()));
        Collections.shuffle(methods, new Random(seed));
    }
}
