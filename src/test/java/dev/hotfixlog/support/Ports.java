package dev.hotfixlog.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the real peers a test starts itself (Alertmanager, HAProxy, server instances). */
public final class Ports {
    private Ports() {}

    /** A loopback port nobody listens on right now (the kernel's pick; the caller binds it soon after). */
    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
