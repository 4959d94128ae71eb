package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.internal.send.SendLimiter;
import dev.flamingo.core.vm.ExternalMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything this client sends: view events paced and bundled by {@link SendLimiter}, sealed, and written to
 * the reflector; frames that cannot go out (disconnected, or before SYNC) wait in a buffer that is flushed
 * after a seamless rejoin and dropped on a reboot, as in Croquet. Confined to the session thread.
 */
final class Outbox {

    private final Controller c;
    private final int eventRateLimit;
    private final List<String> buffer = new ArrayList<>();
    private SendLimiter<ExternalMessage.ModelEvent> limiter;
    private OwnedTimer serviceTimer;

    Outbox(Controller controller, int eventRateLimit) {
        this.c = controller;
        this.eventRateLimit = eventRateLimit;
        this.limiter = new SendLimiter<>(eventRateLimit);
    }

    /** A view event for the models; throws when it is too large or the buffer is full. */
    void event(ExternalMessage.ModelEvent event, long vmTime, boolean paced) {
        String topic = event.scope() + ":" + event.event();
        List<ExternalMessage.ModelEvent> bundle = limiter.offer(topic, event, Payload.size(event),
                Controller.wallMs(), paced);
        if (bundle != null) {
            send(bundle, vmTime);
        } else {
            armService(vmTime);
        }
    }

    /** Sends the next waiting bundle if its gap has passed. */
    void service(long vmTime) {
        List<ExternalMessage.ModelEvent> bundle = limiter.service(Controller.wallMs());
        if (bundle != null) {
            send(bundle, vmTime);
        }
        if (limiter.waitingBundles() > 0) {
            armService(vmTime);
        }
    }

    private void armService(long vmTime) {
        if (serviceTimer == null || serviceTimer.isDone()) {
            long delay = Math.max(1, limiter.nextDue() - Controller.wallMs());
            serviceTimer = c.schedule(() -> service(vmTime), delay);
        }
    }

    private void send(List<ExternalMessage.ModelEvent> events, long vmTime) {
        c.debug(DebugFlag.SENDS, () -> "SEND " + events.size() + " event(s), first " + events.get(0).scope() + ":"
                + events.get(0).event());
        frame(c.link().encoder().send(vmTime, c.seal(Payload.Kind.EVENTS, events, null), c.latency()));
    }

    /** Sends now when the link is ready, else keeps the frame for after a seamless rejoin. */
    void frame(String frame) {
        if (!(c.link().ready() && c.link().connection().send(frame))) {
            buffer.add(frame);
        }
    }

    /** Sends what waited while the link was down. */
    void flush() {
        List<String> frames = new ArrayList<>(buffer);
        buffer.clear();
        frames.forEach(this::frame);
    }

    /** Forgets everything (reboot): Croquet drops unsent messages when the controller resets. */
    void reset() {
        buffer.clear();
        limiter = new SendLimiter<>(eventRateLimit);
        if (serviceTimer != null) {
            serviceTimer.cancel(false);
        }
    }
}
