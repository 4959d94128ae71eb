package dev.flamingo.core;

/** When a view's subscription handler runs (Croquet's {@code handling}). Thread rule: any thread. */
public enum Handling {
  /** Default: delivered in publish order during the next view phase. */
  QUEUED,
  /** Run synchronously inside the publish, with model execution switched off. */
  IMMEDIATE,
  /** Delivered in the next animation frame's view phase, with only the latest data per topic. */
  ONCE_PER_FRAME,
  /**
   * Croquet's {@code "vote"}: the handler gets the {@link Votes} of the reflected event published to exactly
   * this topic ({@link Model#publishReflected}), immediately when the tally runs, and never the event itself.
   */
  VOTE
}
