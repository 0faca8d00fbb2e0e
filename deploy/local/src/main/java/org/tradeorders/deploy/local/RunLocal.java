package org.tradeorders.deploy.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code deploy/local/run.sh}: the whole system on this machine, until Ctrl-C or SIGTERM. */
public final class RunLocal {
    private RunLocal() {
    }

    /** {@code run.sh}: start everything, print where it is, run until Ctrl-C or SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : repo.resolve("deploy/local/.data");
        LocalStack stack = new LocalStack(StackOptions.local(repo, data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local stack ...");
            stack.close();
            System.out.println("stopped: no process or port left behind.");
            stopped.countDown();
        }, "local-stack-stop"));
        long t0 = System.nanoTime();
        try {
            stack.start();
        } catch (LocalStack.AlreadyRunning e) {
            System.err.println(e.getMessage());
            Runtime.getRuntime().halt(3); // nothing of ours to stop: skip the shutdown hook
        } catch (RuntimeException e) {
            System.err.println("the local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%nall five services ready in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);
        for (LocalStack.Service s : stack.services()) {
            System.out.printf("  %-22s %s   (OpenAPI %s/q/openapi, health %s/q/health/ready)%n", s.name(), s.baseUrl(),
                    s.baseUrl(), s.baseUrl());
        }
        System.out.printf("  %-22s 127.0.0.1:%d   topics %s%n", "kafka", stack.options().kafkaPort(), LocalStack.TOPICS);
        System.out.printf("  %-22s 127.0.0.1:%d   user postgres, databases %s%n", "postgresql", stack.options().postgresPort(),
                stack.services().stream().map(LocalStack.Service::database).toList());
        System.out.printf("  %-22s %s%n", "data and logs", data);
        System.out.printf("%n  tokens:  deploy/local/token.sh supplier SUP-1001   (buyer BUY-2001, operator OPS-1)%n");
        System.out.printf("  demo:    deploy/local/demo.sh%n%nCtrl-C stops everything.%n");
        stopped.await();
    }
}
