package dev.flamingo.reflector;

/**
 * How the reflector's sockets talk to the kernel. The native transports are Linux only (x86-64) and need
 * kernel support; where they are missing {@link #AUTO} falls back to NIO, which works everywhere. Any thread.
 */
public enum Transport {
    /** Epoll where this machine offers it, else NIO (default); io_uring only when named. */
    AUTO,
    /**
     * Linux io_uring: many reads and writes submitted per system call. Not chosen by {@link #AUTO}: with
     * Netty 4.2.18 it relayed less than epoll here, and a closing channel can leak its receive buffer.
     */
    IO_URING,
    /** Linux epoll through Netty's native library. */
    EPOLL,
    /** Java NIO selectors: portable. */
    NIO
}
