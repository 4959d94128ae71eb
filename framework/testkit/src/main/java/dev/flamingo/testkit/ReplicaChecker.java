package dev.flamingo.testkit;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.VirtualMachine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Runs several replicas of an app's models on one scripted reflector stream and asserts that they stay
 * bit-identical: the check every Croquet app needs and no single replica can make. Thread rule: build and
 * {@link #check()} on one thread; the VMs are owned by the thread that calls {@link #check()}.
 *
 * <p>Replica 0 is created fresh and never restored; replica 1 is restored from replica 0 right after
 * creation, as the first real client is; every further replica joins after a seeded random message,
 * restored from a snapshot of a seeded random replica already running, as a late joiner is. Replicas step
 * their VMs with different slicings. Each relayed message is encoded once with the VM's
 * {@code encodeEvent}, as the sending client does, and the same bytes go to every replica. After every
 * message each replica's snapshot hash is taken, so a failure names the first message after which hashes
 * differ and which replicas hold which hash.
 */
public final class ReplicaChecker {
  private static final long INITIAL_SEQ = 0xFFFF_FFF0L;
  private static final long SEQ_MASK = 0xFFFF_FFFFL;

  private final Config config;

  private record Config(Registry registry, Class<? extends Model> rootType, Object options, Object persisted,
      String sessionId, int replicas, long seed, Script script) {}

  private ReplicaChecker(Config config) {
    this.config = config;
  }

  /** Starts a checker for sessions of {@code rootType} built from {@code registry}. */
  public static Builder builder(Registry registry, Class<? extends Model> rootType) {
    return new Builder(registry, rootType);
  }

  /** What a passing check saw; immutable, any thread. */
  public record Result(String finalHash, List<String> replicas, List<String> handlerErrors) {}

  /**
   * Runs the script on every replica.
   *
   * @return the common final hash, the replicas' descriptions and replica 0's contained handler errors
   * @throws AssertionError naming the first message after which replicas' hashes differ, or a snapshot that
   *     does not restore to the state it was taken from
   */
  public Result check() {
    return new Run(config).execute();
  }

  /** One execution of the script; single use. */
  private static final class Run {
    private final Config config;
    private final Random random;
    private final List<Replica> replicas = new ArrayList<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final int[] joinAfter;
    private final List<Script.Step> steps;

    Run(Config config) {
      this.config = config;
      this.random = new Random(config.seed());
      this.steps = config.script().steps();
      this.joinAfter = new int[config.replicas()];
      for (int i = 2; i < config.replicas(); i++) {
        joinAfter[i] = steps.isEmpty() ? -1 : random.nextInt(steps.size());
      }
    }

    Result execute() {
      Replica first = newReplica(0, "created fresh");
      first.vm = VirtualMachine.create(config.registry(), config.sessionId(), config.rootType(), config.options(),
          config.persisted(), first.host);
      replicas.add(first);
      if (config.replicas() > 1) {
        join(newReplica(1, "restored right after creation"), first, "creation");
      }
      joinLateReplicas(-1);
      long seq = INITIAL_SEQ;
      long previousTime = 0;
      for (int k = 0; k < steps.size(); k++) {
        Script.Step step = steps.get(k);
        seq = (seq + 1) & SEQ_MASK;
        ExternalMessage message = encode(step);
        for (Replica replica : replicas) {
          replica.feed(previousTime, step.time(), seq, message);
        }
        compare(k, seq);
        joinLateReplicas(k);
        previousTime = step.time();
      }
      List<String> descriptions = replicas.stream().map(Replica::describe).toList();
      return new Result(first.hash(), descriptions, List.copyOf(first.host.handlerErrors));
    }

    private Replica newReplica(int index, String origin) {
      Replica.Slicing slicing = Replica.Slicing.values()[index % Replica.Slicing.values().length];
      return new Replica(index, origin, slicing, new Random(config.seed() * 31 + index));
    }

    private void joinLateReplicas(int afterStep) {
      for (int i = 2; i < config.replicas(); i++) {
        if (joinAfter[i] == afterStep) {
          Replica source = replicas.get(random.nextInt(replicas.size()));
          String point = afterStep < 0 ? "creation" : "message " + afterStep + " (" + steps.get(afterStep).describe() + ")";
          join(newReplica(i, "joined after " + point + " from replica " + source.index + "'s snapshot"), source, point);
        }
      }
    }

    private void join(Replica joiner, Replica source, String point) {
      String expected = source.hash();
      joiner.vm = VirtualMachine.restore(config.registry(), source.vm.snapshot().bytes(), joiner.host);
      String actual = joiner.hash();
      if (!actual.equals(expected)) {
        throw new AssertionError("the snapshot " + source.describe() + " took after " + point
            + " restores to different state: hash " + expected + " before, " + actual + " after restore;"
            + " a registered type adapter or codec does not round-trip");
      }
      replicas.add(joiner);
    }

    private ExternalMessage encode(Script.Step step) {
      // Encoded once, by the replica that ran from the start, and relayed as the same bytes to all.
      VirtualMachine sender = replicas.get(0).vm;
      return switch (step.kind()) {
        case EVENT -> new ExternalMessage.ModelEvent(step.scope(), step.event(),
            step.data() == null ? null : sender.encodeEvent(step.data()));
        case JOIN -> joined(step, sender);
        case EXIT -> exited(step);
        case TICK -> new ExternalMessage.Noop();
      };
    }

    private ExternalMessage joined(Script.Step step, VirtualMachine sender) {
      if (!present.add(step.viewId())) {
        throw new IllegalArgumentException("script error: " + step.describe() + " but that view is already present");
      }
      byte[] data = step.data() == null ? null : sender.encodeEvent(step.data());
      return new ExternalMessage.Peers(List.of(new ExternalMessage.Peer(step.viewId(), data)), List.of(), present.size());
    }

    private ExternalMessage exited(Script.Step step) {
      if (!present.remove(step.viewId())) {
        throw new IllegalArgumentException("script error: " + step.describe() + " but that view is not present");
      }
      return new ExternalMessage.Peers(List.of(), List.of(step.viewId()), present.size());
    }

    private void compare(int k, long seq) {
      List<String> hashes = replicas.stream().map(Replica::hash).toList();
      int odd = hashes.indexOf(hashes.stream().filter(h -> !h.equals(hashes.get(0))).findFirst().orElse(null));
      if (odd < 0) {
        return;
      }
      StringBuilder message = new StringBuilder()
          .append(replicas.get(odd).describe()).append(" diverged from replica 0 after message ").append(k)
          .append(" of ").append(steps.size()).append(": ").append(steps.get(k).describe())
          .append(", seq 0x").append(Long.toHexString(seq))
          .append(k == 0 ? "; every replica agreed at creation" : "; every replica agreed after message " + (k - 1))
          .append(". Hashes:");
      for (int i = 0; i < replicas.size(); i++) {
        message.append("\n  ").append(replicas.get(i).describe()).append(": ").append(hashes.get(i));
      }
      throw new AssertionError(message.toString());
    }
  }

  /** Collects and validates the configuration; single thread. */
  public static final class Builder {
    private final Registry registry;
    private final Class<? extends Model> rootType;
    private Object options;
    private Object persisted;
    private String sessionId = "replica-check";
    private int replicas = 4;
    private long seed = 1;
    private Script script = Script.builder().build();

    private Builder(Registry registry, Class<? extends Model> rootType) {
      this.registry = Objects.requireNonNull(registry, "registry");
      this.rootType = Objects.requireNonNull(rootType, "rootType");
      registry.requireModelClass(rootType);
    }

    /** The session options the root's {@code init} receives (default null). */
    public Builder options(Object value) {
      options = value;
      return this;
    }

    /** Data a previous session persisted, for the root's {@code init(options, persisted)} (default null). */
    public Builder persisted(Object value) {
      persisted = value;
      return this;
    }

    /** The session id, which also seeds the models' random() (default "replica-check"). */
    public Builder sessionId(String value) {
      sessionId = Objects.requireNonNull(value, "sessionId");
      return this;
    }

    /** How many replicas run, at least 2 (default 4). */
    public Builder replicas(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("replicas must be at least 2 to compare anything, got " + value);
      }
      replicas = value;
      return this;
    }

    /** Seeds the join points, snapshot sources and slicings; the same seed replays the same check (default 1). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** The relayed stream every replica receives. */
    public Builder script(Script value) {
      script = Objects.requireNonNull(value, "script");
      return this;
    }

    /** The checker; runs nothing until {@link ReplicaChecker#check()}. */
    public ReplicaChecker build() {
      return new ReplicaChecker(new Config(registry, rootType, options, persisted, sessionId, replicas, seed, script));
    }
  }
}
