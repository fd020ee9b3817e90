package com.ivsstack.engine.testing.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy in front of a test server that injects faults into the requests a predicate picks: an HTTP 500
 * answered without forwarding, a connection dropped before forwarding, or one dropped after the server handled the
 * request (its answer lost: the client cannot know whether the write landed). Every connection carries one request
 * and is closed after its answer ({@code Connection: close}). For tests only; loopback only.
 */
public final class FaultyHttpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private volatile Predicate<String> faulted = request -> false;
    private volatile double errorRate;
    private volatile double dropBeforeRate;
    private volatile double dropAfterRate;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger dropsBefore = new AtomicInteger();
    private final AtomicInteger dropsAfter = new AtomicInteger();
    private final AtomicInteger matched = new AtomicInteger();

    public FaultyHttpProxy(URI upstream, long seed) throws IOException {
        this.upstream = upstream;
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Faults the requests whose request line (e.g. {@code PUT /bucket/key HTTP/1.1}) the predicate accepts: each
     * gets a 500, a drop before or a drop after at the given rates (the rest are forwarded as they are).
     */
    public void inject(Predicate<String> requestLine, double error, double dropBefore, double dropAfter) {
        this.faulted = requestLine;
        this.errorRate = error;
        this.dropBeforeRate = dropBefore;
        this.dropAfterRate = dropAfter;
    }

    public void clear() {
        inject(r -> false, 0, 0, 0);
    }

    /** "matched=N 500s=N drops-before=N drops-after=N" */
    public String counts() {
        return "matched=" + matched + " 500s=" + errors + " drops-before=" + dropsBefore + " drops-after=" + dropsAfter;
    }

    public int faults() {
        return errors.get() + dropsBefore.get() + dropsAfter.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            if (head.toLowerCase(Locale.ROOT).contains("\r\nexpect: 100-continue")) {
                // The client sends the body only after this (S3 clients ask for it on every upload).
                client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            }
            byte[] body = readBody(in, head);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            if (faulted.test(requestLine)) {
                matched.incrementAndGet();
                double dice;
                synchronized (random) {
                    dice = random.nextDouble();
                }
                if (dice < errorRate) {
                    errors.incrementAndGet();
                    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                            + "<Message>injected fault</Message></Error>").getBytes(StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: "
                            + xml.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(xml);
                    out.flush();
                    return;
                }
                if (dice < errorRate + dropBeforeRate) {
                    dropsBefore.incrementAndGet();
                    return;
                }
                if (dice < errorRate + dropBeforeRate + dropAfterRate) {
                    dropsAfter.incrementAndGet();
                    forward(head, body);
                    return;
                }
            }
            byte[] response = forward(head, body);
            client.getOutputStream().write(response);
            client.getOutputStream().flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The request sent to the server on a connection of its own; its whole answer, marked Connection: close. */
    private byte[] forward(String head, byte[] body) throws IOException {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:") && !lower.startsWith("expect:")
                    && !line.isEmpty()) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            OutputStream out = server.getOutputStream();
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] response = server.getInputStream().readAllBytes();
            return markClose(response);
        }
    }

    private static byte[] markClose(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return response;
        }
        StringBuilder head = new StringBuilder();
        for (String line : text.substring(0, end).split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        return (head + text.substring(end + 4)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matchedEnd = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matchedEnd = (b == '\r' && (matchedEnd == 0 || matchedEnd == 2)) || (b == '\n' && (matchedEnd == 1 || matchedEnd == 3))
                    ? matchedEnd + 1 : (b == '\r' ? 1 : 0);
            if (matchedEnd == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf("\r\n", at + 2);
            int length = Integer.parseInt(head.substring(at + "\r\ncontent-length:".length(), end).trim());
            return in.readNBytes(length);
        }
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            throw new IOException("chunked request bodies are not supported by this test proxy");
        }
        return new byte[0];
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
