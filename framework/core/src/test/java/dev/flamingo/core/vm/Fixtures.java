package dev.flamingo.core.vm;

import dev.flamingo.core.Registry;

/** Shared registry and VM factory for the VM tests (building a registry scans bytecode, so do it once). */
final class Fixtures {
  static final Registry REGISTRY = Registry.builder()
      .register("test.Log", LogModel.class)
      .register("test.Child", ChildModel.class)
      .register("test.Note", Note.class)
      .build();

  private Fixtures() {}

  static VirtualMachine vm(TestHost host) {
    return VirtualMachine.create(REGISTRY, "session-1", LogModel.class, "opts", null, host);
  }

  static LogModel root(VirtualMachine vm) {
    return (LogModel) vm.rootModel();
  }

  /** A plain registered value class, for payloads. */
  record Note(String text, int n) {}
}
