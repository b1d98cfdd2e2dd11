package dev.hotfixlog.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where a CLI change came from, for the audit log: this machine. */
final class CliAudit {
    private CliAudit() {}

    static String source() {
        try {
            return "cli@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "cli";
        }
    }
}
