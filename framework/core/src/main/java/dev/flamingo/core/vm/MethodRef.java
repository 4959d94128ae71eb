package dev.flamingo.core.vm;

import dev.flamingo.core.Model;

/**
 * A handler as the VM stores it: the model itself and which of its methods, by a shared
 * {@link HandlerName} (Croquet stores the string {@code "M3.onPost"}). The subscription table's snapshot
 * stores the model's serial (see {@link ModelSerials}) and the name, which is written once per distinct
 * method. A plain class, not a record, so the codec stores it field by field inside a generic subscription.
 */
final class MethodRef {
  /** The id of the VM itself as the receiver of its own futures (Croquet's {@code "_"}). */
  static final String VM_ID = "_";

  private Model model;
  private HandlerName name;
  // Transient because it follows from the model: a ref decoded inside a generic subscription has 0
  // here until modelSerial() computes it.
  private transient long modelSerial;

  /** {@code model} is null for the VM's own futures. */
  MethodRef(Model model, HandlerName name) {
    this(model, ModelSerials.of(model), name);
  }

  /** For callers that already know the model's serial (decoding, futures). */
  MethodRef(Model model, long modelSerial, HandlerName name) {
    this.model = model;
    this.modelSerial = modelSerial;
    this.name = name;
  }

  Model model() {
    return model;
  }

  /** The serial of the model, {@link ModelSerials#VM} for the VM itself. */
  long modelSerial() {
    if (modelSerial == ModelSerials.VM && model != null) {
      modelSerial = ModelSerials.of(model);
    }
    return modelSerial;
  }

  String modelId() {
    return model == null ? VM_ID : model.id();
  }

  HandlerName name() {
    return name;
  }

  String method() {
    return name.method();
  }

  String descriptor() {
    return name.descriptor();
  }

  /** Number of parameters, counted in the descriptor (no class loading, so any loader works). */
  int arity() {
    String descriptor = name.descriptor();
    int count = 0;
    for (int i = 1; descriptor.charAt(i) != ')'; i++) {
      char c = descriptor.charAt(i);
      while (c == '[') {
        c = descriptor.charAt(++i);
      }
      if (c == 'L') {
        i = descriptor.indexOf(';', i);
      }
      count++;
    }
    return count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MethodRef ref && model == ref.model && name.equals(ref.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + (model == null ? 0 : model.hashCode());
  }

  /** {@code M3.onPost(Ljava/lang/String;)V}, for error reports. */
  @Override
  public String toString() {
    return modelId() + "." + name.method() + name.descriptor();
  }
}
