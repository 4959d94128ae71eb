package dev.flamingo.client.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the client logs (its System.Logger goes to java.util.logging) while open. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger CLIENT = Logger.getLogger("dev.flamingo.client");

    final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        CLIENT.addHandler(this);
    }

    List<String> matching(String part) {
        return lines.stream().filter(line -> line.contains(part)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CLIENT.removeHandler(this);
    }
}
