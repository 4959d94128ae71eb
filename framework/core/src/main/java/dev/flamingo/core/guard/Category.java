package dev.flamingo.core.guard;

/** The kinds of determinism hazard, each with why it breaks replicas and the usual fix. */
enum Category {
  WALL_CLOCK("reads the wall clock, which differs between replicas",
      "use now(), the model's simulation time in ms"),
  RANDOM("is random on each replica",
      "use random(), the session-seeded generator whose state is in the snapshot"),
  THREAD("runs work on another thread or by the wall clock, so replicas would interleave it differently",
      "use future(delayMs, this::method) for later work; model code runs only on the VM's thread"),
  IDENTITY_HASH("depends on identity hash codes, which differ between replicas",
      "override hashCode() (and toString()) from the object's fields or id"),
  MATH("may round differently on other JVMs and CPUs",
      "use the StrictMath method of the same name, which is bit-identical everywhere"),
  LOCALE("depends on the host's default locale", "pass Locale.ROOT"),
  HOST("reads the host environment, which differs between replicas",
      "pass the value in through the model's options or an event"),
  IO("does file or network I/O, whose results differ between replicas and which every replica repeats",
      "do I/O in the view or the app and publish the result to the model as an event"),
  STATIC_STATE("is static state: shared by every replica in this JVM and not part of the snapshot",
      "keep state in instance fields of the model"),
  HASH_ORDER("iterates in an order that depends on identity hash codes, which differs between replicas",
      "use LinkedHashMap/LinkedHashSet or TreeMap/TreeSet, or override hashCode() in the key class");

  final String problem;
  final String advice;

  Category(String problem, String advice) {
    this.problem = problem;
    this.advice = advice;
  }
}
