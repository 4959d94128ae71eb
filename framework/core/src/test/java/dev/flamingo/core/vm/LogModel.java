package dev.flamingo.core.vm;

import dev.flamingo.core.FutureHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.Subscription;
import java.util.ArrayList;
import java.util.List;

/** A root model whose handlers append what happened, with the VM time, to a replicated log. */
public class LogModel extends Model {
  final List<String> log = new ArrayList<>();
  FutureHandle handle;
  Subscription lastSubscription;

  @Override
  protected void init(Object options) {
    log.add("init " + options + " @" + now());
    subscribe("test", "note", this::onNote);
    subscribe("test", "run", this::onRun);
  }

  @Override
  protected void init(Object options, Object persisted) {
    if (persisted != null) {
      log.add("persisted " + persisted);
    }
    super.init(options, persisted);
  }

  void onNote(String text) {
    log.add(text + " @" + now());
    lastSubscription = activeSubscription().orElse(null);
  }

  /** Runs a named scenario step, so tests can make the model do model-only things at VM time. */
  void onRun(String step) {
    Steps.run(this, step);
  }

  void note(String text) {
    log.add(text + " @" + now());
  }

  void pair(String a, Integer b) {
    log.add(a + b + " @" + now());
  }

  void triple(String a, Integer b, Long c) {
    log.add(a + b + c + " @" + now());
  }

  void selfStop() {
    log.add("self @" + now());
    cancelFuture(handle);
  }

  void boom() {
    log.add("boom @" + now());
    throw new IllegalStateException("boom");
  }

  // Exposed for Steps, which runs in the same package.
  FutureHandle doFuture(long delay, String text) {
    return future(delay, this::note, text);
  }

  FutureHandle doRepeatSelfStop(long period) {
    return futureRepeat(period, this::selfStop);
  }

  FutureHandle doRepeat(long period, String text) {
    return futureRepeat(period, this::note, text);
  }

  void doPublish(String scope, String event, Object data) {
    publish(scope, event, data);
  }

  void doSubscribeNote(String scope, String event) {
    subscribe(scope, event, this::onNote);
  }

  void doUnsubscribe(String scope, String event) {
    unsubscribe(scope, event);
  }

  boolean doCancel(FutureHandle h) {
    return cancelFuture(h);
  }

  boolean doCancelNote() {
    return cancelFuture(this::note);
  }

  boolean doCancelAll() {
    return cancelAllFutures();
  }

  FutureHandle doFuture2(long delay) {
    return future(delay, this::pair, "p", 2);
  }

  FutureHandle doFuture3(long delay) {
    return future(delay, this::triple, "t", 3, 4L);
  }

  FutureHandle doBoomLater(long delay) {
    return future(delay, this::boom);
  }

  double doRandom() {
    return random();
  }

  <M extends Model> M doCreate(Class<M> type, Object options) {
    return create(type, options);
  }

  void doWellKnown(String name) {
    beWellKnownAs(name);
  }

  void doPersist(Object data) {
    persistSession(data);
  }

  void doModelOnly() {
    modelOnly();
  }
}
