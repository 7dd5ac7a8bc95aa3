package org.banksuite.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Fails early and clearly when a port the stack needs is taken (after a grace period for a stopping process). */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(int port, String what, String variable, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inUse(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + port + " for " + what + " is in use by another process."
                        + " Stop it, or choose another port: " + variable + "=<port> ./suite up");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException nothingListens) {
            return false;
        }
    }
}
