package dev.hotfixlog.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand to a server on loopback: for what java.net.URI and HttpClient refuse to send (a broken
 * %-escape, a body that is not UTF-8, no Content-Type, a HEAD) and for the fuzz test's volume.
 */
public final class RawHttp {
    private final int port;
    private final int timeoutMillis;

    public RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** The port of a running server's URL ("http://127.0.0.1:PORT"). */
    public static RawHttp of(RunningServer s, int timeoutMillis) {
        return new RawHttp(Integer.parseInt(s.url().substring(s.url().lastIndexOf(':') + 1)), timeoutMillis);
    }

    /**
     * Sends {@code head} (the request line and any header lines, each ending in CRLF; Host and Connection: close
     * are added) and {@code body}; returns the whole answer.
     */
    public String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = send(head, body)) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As {@link #exchange}, reading only the status: 0 when the server closed without answering. */
    public int status(String head, byte[] body) throws IOException {
        try (Socket socket = send(head, body)) {
            String line = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : 0;
        }
    }

    private Socket send(String head, byte[] body) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(timeoutMillis);
        socket.getOutputStream()
                .write((head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return socket;
    }
}
