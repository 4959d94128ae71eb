package dev.flamingo.core.vm;

import dev.flamingo.core.Votes;
import java.util.ArrayList;
import java.util.List;

/** A host that records everything the VM tells it; test thread only. */
final class TestHost implements VmHost {
  final String viewId;
  final List<ExternalMessage.ModelEvent> sent = new ArrayList<>();
  final List<HandlerError> errors = new ArrayList<>();
  final List<long[]> polls = new ArrayList<>();
  final List<ExternalMessage.Tally> tallies = new ArrayList<>();
  final List<String> persisted = new ArrayList<>();
  final List<byte[]> persistedData = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<Reflection> reflections = new ArrayList<>();
  final List<Votes<?>> uncaptured = new ArrayList<>();
  boolean voting;
  Runnable onPoll = () -> {};

  TestHost() {
    this("view-local");
  }

  TestHost(String viewId) {
    this.viewId = viewId;
  }

  @Override
  public String viewId() {
    return viewId;
  }

  @Override
  public void sendToReflector(ExternalMessage.ModelEvent event) {
    sent.add(event);
  }

  @Override
  public void onHandlerError(HandlerError error) {
    errors.add(error);
  }

  @Override
  public void onSnapshotPoll(long time, long seq) {
    polls.add(new long[] {time, seq});
    onPoll.run();
  }

  @Override
  public void onTally(ExternalMessage.Tally tally) {
    tallies.add(tally);
  }

  @Override
  public void onPersist(byte[] data, String hash) {
    persisted.add(hash);
    persistedData.add(data);
  }

  @Override
  public void onWarning(String message) {
    warnings.add(message);
  }

  @Override
  public boolean voting() {
    return voting;
  }

  @Override
  public void onReflected(Reflection reflection) {
    reflections.add(reflection);
  }

  @Override
  public void onUncapturedDivergence(Votes<?> votes) {
    uncaptured.add(votes);
  }
}
