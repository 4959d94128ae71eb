package dev.flamingo.client.internal.files;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The files server over HTTP: {@code PUT <files>/<path>} (Croquet without an API key) and GET with Croquet's
 * download retries after 100 ms, 1 s and 5 s. Thread-safe; blocks the calling thread, so call it off the
 * model thread.
 */
public final class HttpFileStore implements FileStore {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final long[] RETRY_DELAYS_MS = {100, 1000, 5000};

    private final String base;

    /** A store under {@code filesUrl}, e.g. {@code http://127.0.0.1:9090/files}. */
    public HttpFileStore(URI filesUrl) {
        String s = filesUrl.toString();
        this.base = s.endsWith("/") ? s : s + "/";
    }

    @Override
    public String put(String path, byte[] bytes) throws IOException {
        String url = url(path);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 413) {
            throw new FileTooLargeException("PUT " + url + " of " + bytes.length + " bytes refused by the files "
                    + "server as too large (HTTP 413)");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("PUT " + url + " failed with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return url;
    }

    @Override
    public String url(String path) {
        return base + path;
    }

    @Override
    public byte[] get(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        IOException last = null;
        for (int attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
            if (attempt > 0) {
                sleep(RETRY_DELAYS_MS[attempt - 1]);
            }
            try {
                HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException("GET " + url + " failed with HTTP " + response.statusCode());
                if (response.statusCode() == 404 || response.statusCode() == 403) {
                    break; // retrying cannot make a missing file appear
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return HTTP.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
