package org.banksuite.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read into memory by a filter and is handed on from there: what comes after reads the
 * same bytes, and the {@code Content-Length} is theirs. Bodies are read synchronously (no {@link ReadListener}).
 */
public final class BufferedRequestBody extends HttpServletRequestWrapper {

    private final byte[] body;

    /**
     * @param request the request whose input stream was consumed
     * @param body    the bytes it held, handed on as they are
     */
    public BufferedRequestBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body.clone();
    }

    /**
     * Reads a request's body into memory, at most {@code limit} bytes (the rest stays unread).
     *
     * @param in    the request's input stream
     * @param limit the most bytes read; a body longer than that answers exactly {@code limit} bytes
     * @throws IOException when the client's stream fails
     */
    public static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The body's bytes, a copy. */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("bodies are read synchronously");
            }
        };
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
