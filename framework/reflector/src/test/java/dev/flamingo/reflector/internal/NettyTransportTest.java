package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.reflector.Transport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NettyTransportTest {

    @Test
    void loopsThatStartAreReportedRunning() {
        EventLoopGroup group = NettyTransport.choose(Transport.NIO).group(2, "test-ok");
        try {
            assertNull(NettyTransport.startAll(group, 5000));
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** What io_uring does when it cannot set up its ring: the loop's thread ends as it starts. */
    @Test
    void aLoopWhoseSetupFailsIsReported() {
        IoHandlerFactory nio = NioIoHandler.newFactory();
        IoHandlerFactory failing = executor -> failingSetup(nio.newHandler(executor));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, failing);
        try {
            String failure = NettyTransport.startAll(group, 5000);
            assertTrue(failure != null && failure.contains("stopped as it started"), String.valueOf(failure));
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    private static IoHandler failingSetup(IoHandler real) {
        return (IoHandler) Proxy.newProxyInstance(IoHandler.class.getClassLoader(), new Class<?>[] {IoHandler.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("initialize")) {
                        throw new IllegalStateException("cannot set up the ring (test)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
