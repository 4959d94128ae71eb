package dev.flamingo.client;

/** Who drives the main loop of a session. Immutable; any thread. */
public enum Step {
    /** The client's session thread simulates as messages arrive and updates views at about 60 Hz. */
    AUTO,
    /** The application calls {@link Session#step(long)} regularly; that thread then owns model and views. */
    MANUAL
}
