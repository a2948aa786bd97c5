package dev.cxtoken.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentMap;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * Runs the build's end-of-build action when Maven's session ends, without {@code <extensions>true</extensions>}.
 *
 * <p>Maven fires every execution event through {@code session.getRequest().getExecutionListener()}, read afresh for
 * each event, and fires SessionEnded in a {@code finally}, after a failure too. So the first execution of a build
 * puts a listener in front of the existing one; the per-project sessions of {@code -T} share the request. The
 * listener is a dynamic proxy, so it forwards every event, also those of listener methods newer than the Maven API
 * this plugin compiles against. A JVM shutdown hook covers Ctrl-C; it is removed when the session ends, so nothing
 * outlives the build in a daemon JVM (mvnd). The action itself runs once, whichever comes first.
 */
final class SessionEndHook implements BuildContext.EndOfBuild {
    private static final String INSTALLED = "session-end-hook";

    private final MavenSession session;
    private final ConcurrentMap<String, Object> store;

    SessionEndHook(MavenSession session, ConcurrentMap<String, Object> store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public void install(Runnable action) {
        if (store.putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        Thread shutdown = new Thread(action, "cx-token-end-of-build");
        Runnable atSessionEnd = () -> {
            action.run();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting; the hook has run the action already or finds it done.
            }
        };
        MavenExecutionRequest request = session.getRequest();
        synchronized (request) {
            request.setExecutionListener(chained(request.getExecutionListener(), atSessionEnd));
        }
        Runtime.getRuntime().addShutdownHook(shutdown);
    }

    private static ExecutionListener chained(ExecutionListener previous, Runnable atSessionEnd) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "cx-token end-of-build listener, then " + previous;
                }
            }
            if (method.getName().equals("sessionEnded")) {
                atSessionEnd.run();
            }
            if (previous == null) {
                return null;
            }
            try {
                return method.invoke(previous, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ExecutionListener) Proxy.newProxyInstance(ExecutionListener.class.getClassLoader(),
                new Class<?>[] {ExecutionListener.class}, handler);
    }
}
