package dev.flamingo.benchmarks.snapshot;

import dev.flamingo.core.snapshot.TypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two model states of the figures, built deterministically; single thread.
 *
 * <p>"objects": one model holding 100,000 small objects (a list of sprites with a few numbers, a
 * short string and a reference to a neighbour). "models": 100,000 small models held by id in a
 * LinkedHashMap in creation order, as the VM holds its models, each with a few fields and a reference to another model.
 */
final class SnapshotStates {

  static final int COUNT = 100_000;

  private SnapshotStates() {}

  /** A small object inside a model. */
  static final class Sprite {
    int id;
    double x;
    double y;
    double angle;
    String color;
    Sprite neighbour;
  }

  /** One model among many: stands in for a Model subclass (fields only; the codec sees no more). */
  static final class SmallModel {
    String id;
    int score;
    double x;
    double y;
    boolean active;
    String name;
    SmallModel parent;
  }

  /** The model holding many objects. */
  static final class SceneModel {
    String id;
    long tick;
    List<Sprite> sprites;
  }

  /** The VM image holding many models. */
  static final class World {
    long time;
    Map<String, SmallModel> models;
  }

  static TypeRegistry registry() {
    return new TypeRegistry()
        .register("bench.Sprite", Sprite.class)
        .register("bench.SmallModel", SmallModel.class)
        .register("bench.SceneModel", SceneModel.class)
        .register("bench.World", World.class);
  }

  static Object build(String scenario) {
    return scenario.equals("objects") ? scene() : world();
  }

  private static final String[] COLORS = {"red", "green", "blue", "orange", "purple", "teal"};

  static SceneModel scene() {
    SplittableRandom random = new SplittableRandom(1);
    SceneModel scene = new SceneModel();
    scene.id = "M1";
    scene.tick = 12345;
    scene.sprites = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      Sprite s = new Sprite();
      s.id = i;
      s.x = random.nextDouble() * 1000;
      s.y = random.nextDouble() * 1000;
      s.angle = random.nextDouble() * Math.PI;
      s.color = COLORS[i % COLORS.length] + (i % 100);
      s.neighbour = i == 0 ? null : scene.sprites.get(random.nextInt(i));
      scene.sprites.add(s);
    }
    return scene;
  }

  static World world() {
    SplittableRandom random = new SplittableRandom(2);
    World world = new World();
    world.time = 99_000;
    world.models = new LinkedHashMap<>();
    List<SmallModel> all = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      SmallModel m = new SmallModel();
      m.id = "M" + i;
      m.score = random.nextInt(1000);
      m.x = random.nextDouble() * 1000;
      m.y = random.nextDouble() * 1000;
      m.active = random.nextBoolean();
      m.name = "player" + i;
      m.parent = i == 0 ? null : all.get(random.nextInt(i));
      all.add(m);
      world.models.put(m.id, m);
    }
    return world;
  }
}
