package dev.flamingo.benchmarks.reflector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reflector CLI in its own JVM, so its heap and CPU are measured apart. Its heap is touched at start
 * ({@code -XX:+AlwaysPreTouch}) as a long-running server's is: on this VM, a young collection that first
 * wrote to fresh heap pages paused 40-250 ms for the page faults (the paced p99 at 100,000 msg/s was
 * those pauses), against 3-8 ms once the pages existed. Same classpath unless
 * {@code -Dreflector.classpath} names another build (to compare two servers under one load generator);
 * {@code -Dreflector.jvmArgs} adds JVM flags (for example a flight recording), {@code -Dreflector.transport} and
 * {@code -Dreflector.ioThreads} set its {@code --transport} (default: its own, auto) and {@code --io-threads}
 * (default 2).
 * Main thread.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/reflector");
    final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path data, String fsync, String heap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap, "-XX:+AlwaysPreTouch", "-cp", System.getProperty("reflector.classpath",
                        System.getProperty("java.class.path")),
                "dev.flamingo.reflector.Main", "--port", "0", "--max-rate", "1000000",
                "--max-connections-per-ip", "1000000", "--io-threads", System.getProperty("reflector.ioThreads", "2")));
        String transport = System.getProperty("reflector.transport");
        if (transport != null) {
            // Only when asked: a server build from before --transport (-Dreflector.classpath) refuses the flag.
            cmd.addAll(List.of("--transport", transport));
        }
        String extra = System.getProperty("reflector.jvmArgs");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        if (data != null) {
            cmd.addAll(List.of("--data", data.toString(), "--fsync", fsync));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> drain(out), "server-output");
                drain.setDaemon(true);
                drain.start();
                return new ServerProcess(p, Integer.parseInt(m.group(1)));
            }
        }
        throw new IOException("reflector exited before listening");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Session log lines are not needed here.
            }
        } catch (IOException ended) {
            // Process gone.
        }
    }

    URI websocket() {
        return URI.create("ws://127.0.0.1:" + port + "/reflector");
    }

    /** Used heap of the server after a full GC (jcmd GC.run, then /metrics). */
    long heapAfterGc() throws IOException, InterruptedException {
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(30, TimeUnit.SECONDS);
        }
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String l : metrics.split("\n")) {
            if (l.startsWith("flamingo_heap_used_bytes ")) {
                return Long.parseLong(l.substring(l.indexOf(' ') + 1).trim());
            }
        }
        throw new IOException("no flamingo_heap_used_bytes in /metrics");
    }

    /** SIGTERM (a graceful stop), then SIGKILL if it takes longer than 20 s. */
    @Override
    public void close() {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
