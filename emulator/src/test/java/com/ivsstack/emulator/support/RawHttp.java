package com.ivsstack.emulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests no HTTP client library would send (a bad percent escape, raw UTF-8 in the query, a negative
 * Content-Length, a body shorter than announced), written byte for byte on a socket, and the answer read back.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * The answer: its status, headers by lower-case name and body; or {@code closed} when the server closed the
     * connection without answering.
     */
    public record Answer(int status, Map<String, String> headers, String body, boolean closed) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as is and reads one answer; fails if none (nor a close) comes within {@code wait}. */
    public static Answer send(URI endpoint, byte[] request, Duration wait) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer and close before it has read everything; the answer is still there
            }
            return read(socket.getInputStream());
        }
    }

    public static Answer send(URI endpoint, String request, Duration wait) throws IOException {
        return send(endpoint, request.getBytes(StandardCharsets.ISO_8859_1), wait);
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return new Answer(0, Map.of(), "", true);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8), false);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
