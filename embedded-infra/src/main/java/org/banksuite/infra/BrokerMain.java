package org.banksuite.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the Kafka broker's child JVM: exits the JVM (running Kafka's own shutdown hook)
 * as soon as its stdin reaches end-of-file, i.e. when the parent process is gone, even after a
 * {@code kill -9} of the parent. Then runs {@code kafka.Kafka} with the given properties file.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain <server.properties>");
            System.exit(2);
        }
        Thread parentWatcher = new Thread(BrokerMain::exitWhenStdinCloses, "exit-with-parent");
        parentWatcher.setDaemon(true);
        parentWatcher.start();
        kafka.Kafka.main(new String[] {args[0]});
    }

    private static void exitWhenStdinCloses() {
        try (InputStream stdin = System.in) {
            while (stdin.read() != -1) {
                // the parent never writes; we only wait for the pipe to close
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, too
        }
        System.err.println("BrokerMain: parent process gone (stdin closed), shutting down the broker");
        System.exit(0);
    }
}
