package com.ivsstack.emulator.http;

import com.ivsstack.emulator.service.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The endpoint's HTTP server (Jetty). Requests whose raw path starts with {@link #ADMIN_SEGMENT} go to the admin API,
 * every other one to the IVS API. The decision looks only at the first segment of the path as it arrived, still
 * percent-encoded, so nothing a client can put into a later segment, an encoded slash or a {@code ..} reaches the
 * admin API. Every answer is JSON in the services' error format, including those to requests that are not HTTP,
 * have a bad percent escape or Content-Length, or oversized headers, which Jetty hands to {@link #errorHandler}.
 */
public final class EmulatorHttpServer implements AutoCloseable {
    /** The first path segment of the admin API; no IVS or RealTime operation path starts with it. */
    public static final String ADMIN_SEGMENT = "_emulator";
    /** No IVS request comes near this (the largest, PutMetadata, carries 1 KB); bigger bodies are refused. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Request line and headers together; an AWS client sends well under 4 KB. */
    public static final int MAX_REQUEST_HEAD_BYTES = 16 * 1024;
    /** How long a request may pause while sending its body before it is answered 408 and closed. */
    public static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long a connection may stay idle between requests (the JDK server's default). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How much of a refused body is still read away, so that the client gets to read the 413. */
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;
    private static final String JETTY_LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

    private final Server server;
    private final ServerConnector connector;

    private EmulatorHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Binds {@code address:port} (port 0: any free one) and serves until {@link #close()}. */
    public static EmulatorHttpServer start(InetAddress address, int port, WireHandler api, WireHandler admin) {
        // Jetty announces every start and stop at INFO; in an application using slf4j-simple (the ivsstack CLI)
        // that would land in the user's terminal. Its warnings and errors still do.
        if (System.getProperty(JETTY_LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(JETTY_LOG_LEVEL_PROPERTY, "warn");
        }
        QueuedThreadPool threads = new QueuedThreadPool(200, 2);
        threads.setName("ivs-emulator");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        // Routing works on the raw path, so encoded slashes (every tag path has them) and dot segments are data.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, null, null, null, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setAcceptQueueSize(256);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setHandler(new Dispatcher(api, admin));
        server.setErrorHandler(EmulatorHttpServer::errorHandler);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what the caller needs to see
            }
            throw new UncheckedIOException("cannot bind the IVS emulator to " + address.getHostAddress() + ":" + port
                    + " (" + e.getMessage() + "); choose another port, or 0 for any free one",
                    e instanceof IOException io ? io : new IOException(e));
        }
        return new EmulatorHttpServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the IVS emulator's HTTP server: " + e.getMessage(), e);
        }
    }

    /** Whether the raw path belongs to the admin API: its first segment, not decoded, is {@value #ADMIN_SEGMENT}. */
    static boolean isAdminPath(String rawPath) {
        return rawPath.equals("/" + ADMIN_SEGMENT) || rawPath.startsWith("/" + ADMIN_SEGMENT + "/");
    }

    /** Reads the whole request, lets the API or the admin handler answer it, and writes the answer. */
    private static final class Dispatcher extends Handler.Abstract {
        private final WireHandler api;
        private final WireHandler admin;

        Dispatcher(WireHandler api, WireHandler admin) {
            this.api = api;
            this.admin = admin;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String rawPath = request.getHttpURI().getPath();
            if (rawPath == null || rawPath.isEmpty()) {
                rawPath = "/";
            }
            WireResponse answer;
            try {
                byte[] body = readBody(request);
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpField field : request.getHeaders()) {
                    headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
                }
                WireRequest wire = new WireRequest(request.getMethod(), rawPath, request.getHttpURI().getQuery(),
                        headers, body);
                answer = (isAdminPath(rawPath) ? admin : api).handle(wire);
            } catch (BodyTooLargeException e) {
                answer = WireResponse.error(ErrorType.REQUEST_TOO_LARGE, e.getMessage()).closingConnection();
            } catch (IOException e) {
                answer = WireResponse.error(ErrorType.REQUEST_TIMEOUT, "The request body did not arrive: "
                        + "Content-Length announced more than was sent within " + BODY_READ_TIMEOUT.toSeconds()
                        + " s (" + e.getMessage() + ")").closingConnection();
            } catch (RuntimeException e) {
                answer = WireResponse.error(ErrorType.INTERNAL_SERVER, "Internal error in the emulator: " + e);
            }
            write(request, response, callback, answer);
            return true;
        }
    }

    /** The body, read with {@link #BODY_READ_TIMEOUT} between packets; over {@link #MAX_BODY_BYTES} is refused. */
    private static byte[] readBody(Request request) throws IOException {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long idleTimeout = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(BODY_READ_TIMEOUT.toMillis());
        try (InputStream in = Content.Source.asInputStream(request)) {
            boolean announcedTooLarge = request.getLength() > MAX_BODY_BYTES;
            byte[] body = announcedTooLarge ? new byte[0] : in.readNBytes(MAX_BODY_BYTES + 1);
            if (announcedTooLarge || body.length > MAX_BODY_BYTES) {
                drain(in);
                throw new BodyTooLargeException();
            }
            return body;
        } finally {
            endPoint.setIdleTimeout(idleTimeout);
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        try {
            int n;
            while (drained < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0) {
                drained += n;
            }
        } catch (IOException e) {
            // the 413 goes out anyway, and the connection closes after it
        }
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("The request body is larger than " + MAX_BODY_BYTES + " bytes; IVS requests are small JSON documents");
        }
    }

    private static void write(Request request, Response response, Callback callback, WireResponse answer) {
        if (answer.dropConnection()) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new EofException("connection dropped by an injected fault"));
            return;
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response.getHeaders()::put);
        if (answer.body() == null) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    /** Jetty's answer to a request it could not parse: the service's JSON error instead of an HTML page. */
    private static boolean errorHandler(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
        int code = status instanceof Integer number ? number : 500;
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String detail = reason == null ? "" : " (" + reason + ")";
        WireResponse answer = switch (code) {
            case 431 -> WireResponse.error(ErrorType.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request line and headers "
                    + "are larger than " + MAX_REQUEST_HEAD_BYTES + " bytes");
            case 413 -> WireResponse.error(ErrorType.REQUEST_TOO_LARGE, "The request is too large" + detail);
            case 408 -> WireResponse.error(ErrorType.REQUEST_TIMEOUT, "The request did not arrive in time" + detail);
            // 505: an HTTP version other than 1.0 or 1.1, which is the client's mistake like any other malformed line
            default -> code >= 500 && code != 505
                    ? WireResponse.error(ErrorType.INTERNAL_SERVER, "Internal error in the emulator" + detail)
                    : WireResponse.error(ErrorType.VALIDATION, "The HTTP request is malformed" + detail
                            + "; send POST /<Operation> with a JSON body, or the tag paths /tags/<percent-encoded ARN>");
        };
        write(request, response, callback, answer.closingConnection());
        return true;
    }
}
