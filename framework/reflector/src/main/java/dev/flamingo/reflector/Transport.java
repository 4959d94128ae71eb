package dev.flamingo.reflector;

/**
 * How the reflector's sockets talk to the kernel. The native transports are Linux only (x86-64) and need
 * kernel support; where they are missing {@link #AUTO} falls back to NIO, which works everywhere. Any thread.
 */
public enum Transport {
    /** The best one this machine offers: io_uring, else epoll, else NIO (default). */
    AUTO,
    /** Linux io_uring: many reads and writes submitted per system call. */
    IO_URING,
    /** Linux epoll through Netty's native library. */
    EPOLL,
    /** Java NIO selectors: portable. */
    NIO
}
