package com.ivsstack.provider.api;

/**
 * An operation failed cleanly: nothing was created or changed that the caller does not know of. The message follows
 * "&lt;creating|reading|updating|deleting&gt; IVS &lt;Type&gt; (&lt;arn or name&gt;): &lt;cause&gt;. &lt;what to do&gt;".
 */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
