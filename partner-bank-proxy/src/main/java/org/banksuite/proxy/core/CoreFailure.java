package org.banksuite.proxy.core;

/**
 * The core did not answer usefully: the circuit breaker counts these, and all but a bad response are retried
 * (every core operation the proxy offers is safe to repeat).
 */
public abstract sealed class CoreFailure extends RuntimeException
        permits CoreFailure.Timeout, CoreFailure.Unreachable, CoreFailure.ServerError, CoreFailure.BadResponse,
        CoreFailure.NotAuthorized {

    CoreFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** No answer within the read timeout; the core may or may not have done the work. */
    public static final class Timeout extends CoreFailure {
        Timeout(Throwable cause) {
            super("the core did not answer in time", cause);
        }
    }

    /** The connection failed or was closed; the core may or may not have done the work. */
    public static final class Unreachable extends CoreFailure {
        Unreachable(Throwable cause) {
            super("the connection to the core failed: " + cause.getMessage(), cause);
        }
    }

    /** The core answered 5xx. */
    public static final class ServerError extends CoreFailure {
        private final int status;

        ServerError(int status, Throwable cause) {
            super("the core answered " + status, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The core answered a body that is not the documented shape. */
    public static final class BadResponse extends CoreFailure {
        BadResponse(Throwable cause) {
            super("the core answered a body that is not the documented shape", cause);
        }
    }

    /**
     * The proxy could not show the core who it is: the issuer gave no token (unreachable, or it refused the proxy's
     * credentials), or the core answered 401/403 to the proxy's token. The core did nothing; it is retried (with a
     * new token) like a connection failure, and is never the core's answer to the caller's request.
     */
    public static final class NotAuthorized extends CoreFailure {
        NotAuthorized(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
