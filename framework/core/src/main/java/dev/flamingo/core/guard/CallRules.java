package dev.flamingo.core.guard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The table of JDK calls that are determinism hazards, looked up by owner, name and descriptor.
 * Instance calls also match through the receiver's supertypes, so {@code ArrayList.parallelStream}
 * matches the rule for {@code Collection.parallelStream}. Thread rule: immutable, any thread.
 */
final class CallRules {
  /** What a matching call is: its category and the advice, which may be more specific. */
  record Verdict(Category category, String advice) {}

  private static final Set<String> TRANSCENDENTAL = Set.of("sin", "cos", "tan", "asin", "acos", "atan",
      "atan2", "exp", "log", "log10", "log1p", "expm1", "sinh", "cosh", "tanh", "pow", "cbrt", "hypot");
  private static final Set<String> LOCALIZED_CONSTRUCTORS = Set.of("java/util/Formatter",
      "java/text/SimpleDateFormat", "java/text/DecimalFormat", "java/text/MessageFormat");
  private static final Set<String> FILE_STREAMS = Set.of("java/io/FileInputStream", "java/io/FileOutputStream",
      "java/io/FileReader", "java/io/FileWriter", "java/io/RandomAccessFile");
  /** java.io.File methods that touch the file system or depend on the working directory. */
  private static final Set<String> FILE_QUERIES = Set.of("exists", "isFile", "isDirectory", "isHidden",
      "length", "lastModified", "list", "listFiles", "canRead", "canWrite", "canExecute", "delete",
      "mkdir", "mkdirs", "createNewFile", "renameTo", "getAbsolutePath", "getAbsoluteFile",
      "getCanonicalPath", "getCanonicalFile", "getFreeSpace", "getTotalSpace", "getUsableSpace");
  /** Pure value classes of java.net that do no I/O. */
  private static final Set<String> PURE_NET = Set.of("java/net/URI", "java/net/URLEncoder", "java/net/URLDecoder");
  private static final Set<String> LOCALIZED_FACTORIES = Set.of("java/text/NumberFormat",
      "java/text/DateFormat", "java/text/DecimalFormat");

  /** Keyed by {@code owner.name} (any descriptor) or {@code owner.name+descriptor} (exact). */
  private static final Map<String, Verdict> RULES = new HashMap<>();

  static {
    Category c = Category.WALL_CLOCK;
    any(c, "java/lang/System", "currentTimeMillis", "nanoTime");
    any(c, "java/time/InstantSource", "system");
    any(c, "java/util/Calendar", "getInstance");
    exact(c, null, "java/util/Date.<init>()V", "java/util/GregorianCalendar.<init>()V");

    c = Category.RANDOM;
    any(c, "java/lang/Math", "random");
    any(c, "java/lang/StrictMath", "random");
    any(c, "java/util/concurrent/ThreadLocalRandom", "current");
    any(c, "java/util/UUID", "randomUUID");
    any(c, "java/security/SecureRandom", "<init>", "getInstance", "getInstanceStrong");
    any(c, "java/util/random/RandomGenerator", "getDefault", "of");
    String seeded = "use random(), or a generator seeded from it, e.g. new Random(seed)";
    exact(c, seeded, "java/util/Random.<init>()V", "java/util/SplittableRandom.<init>()V",
        "java/util/random/RandomGeneratorFactory.create()Ljava/util/random/RandomGenerator;");
    exact(c, "use Collections.shuffle(list, new Random(seed)) with a seed taken from random()",
        "java/util/Collections.shuffle(Ljava/util/List;)V");

    c = Category.THREAD;
    any(c, "java/lang/Thread", "<init>", "start", "sleep", "startVirtualThread", "ofVirtual", "ofPlatform");
    any(c, "java/util/Timer", "<init>", "schedule", "scheduleAtFixedRate");
    any(c, "java/util/concurrent/ForkJoinPool", "<init>", "commonPool");
    any(c, "java/util/concurrent/ThreadPoolExecutor", "<init>");
    any(c, "java/util/concurrent/ScheduledThreadPoolExecutor", "<init>");
    any(c, "java/util/concurrent/Executor", "execute");
    any(c, "java/util/concurrent/ExecutorService", "submit", "invokeAll", "invokeAny");
    any(c, "java/util/concurrent/ScheduledExecutorService", "schedule", "scheduleAtFixedRate",
        "scheduleWithFixedDelay");
    any(c, "java/util/concurrent/CompletableFuture", "delayedExecutor", "orTimeout", "completeOnTimeout");
    rule(new Verdict(c, "use stream(); a parallel stream runs on other threads"),
        "java/util/Collection.parallelStream", "java/util/stream/BaseStream.parallel");
    rule(new Verdict(c, "use the sequential Arrays method"), "java/util/Arrays.parallelSort",
        "java/util/Arrays.parallelSetAll", "java/util/Arrays.parallelPrefix");

    c = Category.IDENTITY_HASH;
    rule(new Verdict(c, "give the object an id field and use that"), "java/lang/System.identityHashCode");

    c = Category.LOCALE;
    exact(c, "use String.format(Locale.ROOT, format, args)",
        "java/lang/String.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
        "java/lang/String.formatted([Ljava/lang/Object;)Ljava/lang/String;");
    exact(c, "use toUpperCase(Locale.ROOT)", "java/lang/String.toUpperCase()Ljava/lang/String;");
    exact(c, "use toLowerCase(Locale.ROOT)", "java/lang/String.toLowerCase()Ljava/lang/String;");
    exact(c, "use DateTimeFormatter.ofPattern(pattern, Locale.ROOT)",
        "java/time/format/DateTimeFormatter.ofPattern(Ljava/lang/String;)Ljava/time/format/DateTimeFormatter;");
    exact(c, "use new MessageFormat(pattern, Locale.ROOT).format(args)",
        "java/text/MessageFormat.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;");
    any(c, "java/util/Locale", "getDefault");

    c = Category.HOST;
    any(c, "java/lang/System", "getenv", "getProperty", "getProperties", "lineSeparator");
    any(c, "java/lang/Runtime", "availableProcessors", "freeMemory", "totalMemory", "maxMemory");
    any(c, "java/util/TimeZone", "getDefault");
    any(c, "java/time/ZoneId", "systemDefault");
    any(c, "java/nio/charset/Charset", "defaultCharset");
    exact(c, "use getBytes(StandardCharsets.UTF_8)", "java/lang/String.getBytes()[B");
    exact(c, "use new String(bytes, StandardCharsets.UTF_8)", "java/lang/String.<init>([B)V",
        "java/lang/String.<init>([BII)V");

    for (String name : TRANSCENDENTAL) {
      rule(new Verdict(Category.MATH, "use StrictMath." + name), "java/lang/Math." + name);
    }
  }

  private CallRules() {}

  private static void any(Category category, String owner, String... names) {
    for (String name : names) {
      rule(new Verdict(category, category.advice), owner + "." + name);
    }
  }

  private static void exact(Category category, String advice, String... keys) {
    rule(new Verdict(category, advice == null ? category.advice : advice), keys);
  }

  private static void rule(Verdict verdict, String... keys) {
    for (String key : keys) {
      RULES.put(key, verdict);
    }
  }

  /** The hazard a call is, or null when it is harmless (as far as this table knows). */
  static Verdict match(int opcode, String owner, String name, String desc, TypeResolver types) {
    boolean dispatched = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    List<String> owners = dispatched ? types.selfAndSupertypes(owner) : List.of(owner);
    for (String type : owners) {
      Verdict verdict = lookup(opcode, type, name, desc);
      if (verdict != null) {
        return verdict;
      }
    }
    return null;
  }

  private static Verdict lookup(int opcode, String owner, String name, String desc) {
    Verdict exact = RULES.get(owner + "." + name + desc);
    if (exact != null) {
      return exact;
    }
    Verdict any = RULES.get(owner + "." + name);
    return any != null ? any : pattern(opcode, owner, name, desc);
  }

  private static Verdict pattern(int opcode, String owner, String name, String desc) {
    boolean isStatic = opcode == Opcodes.INVOKESTATIC;
    boolean withoutLocale = !desc.contains("Ljava/util/Locale;") && !desc.contains("FormatSymbols;");
    if (isStatic && owner.startsWith("java/time/") && name.equals("now")) {
      return new Verdict(Category.WALL_CLOCK, Category.WALL_CLOCK.advice);
    }
    if (isStatic && owner.equals("java/time/Clock") && (name.startsWith("system") || name.startsWith("tick"))) {
      return new Verdict(Category.WALL_CLOCK, Category.WALL_CLOCK.advice);
    }
    if (isStatic && owner.equals("java/util/concurrent/Executors")) {
      return new Verdict(Category.THREAD, Category.THREAD.advice);
    }
    if (owner.equals("java/util/concurrent/CompletableFuture") && name.endsWith("Async")) {
      return new Verdict(Category.THREAD, "use the method without Async, or future(...) for later work");
    }
    if (name.equals("<init>") && LOCALIZED_CONSTRUCTORS.contains(owner) && withoutLocale) {
      return new Verdict(Category.LOCALE, "use the constructor that takes a Locale and pass Locale.ROOT");
    }
    if (isStatic && LOCALIZED_FACTORIES.contains(owner) && name.endsWith("Instance") && withoutLocale) {
      return new Verdict(Category.LOCALE, "use the overload that takes a Locale and pass Locale.ROOT");
    }
    return io(owner, name);
  }

  /** Files and sockets: java.nio.file.Files, channels, file streams, java.io.File queries, java.net. */
  private static Verdict io(String owner, String name) {
    boolean io = owner.equals("java/nio/file/Files") || owner.startsWith("java/nio/channels/")
        || FILE_STREAMS.contains(owner) && name.equals("<init>")
        || owner.equals("java/io/File") && FILE_QUERIES.contains(name)
        || owner.startsWith("java/net/") && !PURE_NET.contains(owner);
    return io ? new Verdict(Category.IO, Category.IO.advice) : null;
  }
}
