package com.ivsstack.provider.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client whose every failure is an {@link IvsApiException} ({@link AwsErrors#map}), so that callers decide on its
 * kind (gone, conflict, not live, ...) and never read SDK exceptions. Not an SDK interceptor: the SDK requires
 * {@code modifyException} to return an exception of the class it was given, and an interceptor never sees what fails
 * before the request pipeline (marshalling, endpoint rules). The interface's own default methods that the client does
 * not override (the forms that take a builder consumer, the paginators) run on this client, so the calls they make,
 * page by page too, fail the same way.
 */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static <C> C of(Class<C> clientInterface, C client) {
        var inherited = new ConcurrentHashMap<Method, Boolean>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (inherited.computeIfAbsent(method, m -> method.isDefault() && inheritedBy(client, method))) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof SdkException failure ? AwsErrors.map(failure) : e.getCause();
            }
        };
        return clientInterface.cast(Proxy.newProxyInstance(clientInterface.getClassLoader(),
                new Class<?>[] {clientInterface}, handler));
    }

    /** Whether the client runs the interface's default of {@code method} rather than an implementation of its own. */
    private static boolean inheritedBy(Object client, Method method) {
        try {
            return client.getClass().getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException e) {
            return true;
        }
    }
}
