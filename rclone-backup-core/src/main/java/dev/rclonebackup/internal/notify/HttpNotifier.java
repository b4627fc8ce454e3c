package dev.rclonebackup.internal.notify;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.settings.Durations;
import dev.rclonebackup.settings.NotifyUrls;
import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.Settings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts {@link Notification}s to the {@code notify.*-url} settings. A notification that fails,
 * answers with an error or takes longer than {@code notify.timeout} (connecting included) is a
 * warning and nothing more. A URL is only ever shown as {@link NotifyUrls#shown}: its path and
 * query usually hold a token.
 */
public final class HttpNotifier {
    private final URI startUrl;
    private final URI successUrl;
    private final URI failureUrl;
    private final Duration timeout;
    private final Reporter reporter;
    private HttpClient client;

    HttpNotifier(URI startUrl, URI successUrl, URI failureUrl, Duration timeout, Reporter reporter) {
        this.startUrl = startUrl;
        this.successUrl = successUrl;
        this.failureUrl = failureUrl;
        this.timeout = timeout;
        this.reporter = reporter;
    }

    /** The notifier {@code settings} (already validated) describe, reporting to {@code reporter}. */
    public static HttpNotifier of(Settings settings, Reporter reporter) {
        return new HttpNotifier(
                NotifyUrls.check(Setting.NOTIFY_START_URL.key(), settings.notifyStartUrl()),
                NotifyUrls.check(Setting.NOTIFY_SUCCESS_URL.key(), settings.notifySuccessUrl()),
                NotifyUrls.check(Setting.NOTIFY_FAILURE_URL.key(), settings.notifyFailureUrl()),
                settings.notifyTimeout(),
                reporter);
    }

    /** Whether any URL is configured. */
    public boolean isEnabled() {
        return startUrl != null || successUrl != null || failureUrl != null;
    }

    /**
     * Posts {@code notification} to the URL configured for its status, if any; returns within
     * {@code notify.timeout} and never throws. The thread's interrupt status is set aside meanwhile
     * (an interrupted run is still reported) and restored afterwards.
     */
    public void send(Notification notification) {
        URI target = switch (notification.status()) {
            case Notification.START -> startUrl;
            case Notification.SUCCESS -> successUrl;
            default -> failureUrl;
        };
        if (target == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            post(target, notification);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void post(URI target, Notification notification) {
        String shown = NotifyUrls.shown(target);
        String what = "The " + notification.status() + " notification to " + shown;
        reporter.detail("Notifying " + shown + " of " + notification.status());
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "rclone-backup")
                .POST(HttpRequest.BodyPublishers.ofString(notification.json(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> response =
                client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (status / 100 != 2) {
                reporter.warning(what + " failed: it answered HTTP " + status);
            } else {
                reporter.detail(shown + " answered HTTP " + status + " in " + millis + " ms");
            }
        } catch (TimeoutException e) {
            response.cancel(true);
            reporter.warning(what + " failed: no answer within " + Durations.format(timeout) + " (notify.timeout)");
        } catch (ExecutionException e) {
            reporter.warning(what + " failed: " + describe(e.getCause(), target));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            reporter.warning(what + " was interrupted");
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /** The cause's kind and message, with anything of the URL beyond its host taken out. */
    static String describe(Throwable cause, URI target) {
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return cause instanceof ConnectException ? "could not connect (" + kind + ")" : kind;
        }
        for (String secret : new String[] {
            target.toString(),
            target.getRawPath(),
            target.getPath(),
            target.getRawQuery(),
            target.getQuery(),
            target.getRawUserInfo()
        }) {
            if (secret != null && secret.length() > 1) {
                message = message.replace(secret, "…");
            }
        }
        return kind + ": " + message;
    }
}
