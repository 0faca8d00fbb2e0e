package org.tradeorders.platform.faults;

/** What a failure comes down to, for log lines and health reports. */
public final class Causes {
    private Causes() {
    }

    /** The innermost cause's class and message. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
