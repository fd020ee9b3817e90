package com.ivsstack.provider.grpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketException;

import javax.net.ServerSocketFactory;

/**
 * A loopback server socket bound before the gRPC server exists, so the plugin knows its port, and the engine can
 * connect (the kernel queues the connection), while the server is still being built. The server later binds it again
 * through {@link #factory()}; that second bind is a no-op.
 */
final class PreboundServerSocket extends ServerSocket {

    private PreboundServerSocket() throws IOException {
        super();
    }

    /** Binds 127.0.0.1 (or the host's loopback address) at a free port. */
    static PreboundServerSocket bindLoopback() throws IOException {
        var socket = new PreboundServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException | RuntimeException failure) {
            socket.close();
            throw failure;
        }
        return socket;
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        if (!isBound()) {
            super.bind(endpoint, backlog);
        }
    }

    /** A factory that hands out this socket, once: to the one server that listens on it. */
    ServerSocketFactory factory() {
        return new ServerSocketFactory() {
            private boolean handedOut;

            @Override
            public synchronized ServerSocket createServerSocket() throws SocketException {
                if (handedOut) {
                    throw new SocketException("the plugin's listening socket is already in use by a server");
                }
                handedOut = true;
                return PreboundServerSocket.this;
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException("the plugin listens on its prebound socket only");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException("the plugin listens on its prebound socket only");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException("the plugin listens on its prebound socket only");
            }
        };
    }
}
