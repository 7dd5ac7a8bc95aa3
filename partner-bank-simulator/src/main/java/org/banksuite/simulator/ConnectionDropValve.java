package org.banksuite.simulator;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the TCP connection without an answer when a filter asked for it ({@link #requestDrop}): Tomcat's
 * {@code CLOSE_NOW} swallows whatever the response holds, so the client sees the connection end (an IOException),
 * not an HTTP status. Only a response that is not yet committed can be dropped this way.
 */
class ConnectionDropValve extends ValveBase {

    private static final String DROP = ConnectionDropValve.class.getName() + ".drop";

    ConnectionDropValve() {
        super(true);
    }

    static void requestDrop(ServletRequest request) {
        request.setAttribute(DROP, Boolean.TRUE);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(DROP) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
