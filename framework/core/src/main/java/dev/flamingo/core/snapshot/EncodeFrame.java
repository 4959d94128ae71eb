package dev.flamingo.core.snapshot;

/**
 * One object whose children are being written: either the fields of a plain object (plan set) or
 * a list of slots (arrays, collections, record components, adapter output). Single thread.
 */
final class EncodeFrame {

  /** Hash-key check mode: none, every even slot (HashMap), every slot (HashSet). */
  static final int KEYS_NONE = 0;
  static final int KEYS_EVEN = 1;
  static final int KEYS_ALL = 2;

  TypeInfo info;
  Object obj;
  FieldPlan plan;
  Object[] slots;
  byte[] kinds;
  int pos;
  int end;
  int valueIndex;
  int keyCheck;

  void fields(TypeInfo info, Object obj, FieldPlan plan) {
    set(info, obj, plan, null, null, plan.names.length);
  }

  void slots(TypeInfo info, Object obj, Object[] slots, int length, byte[] kinds) {
    set(info, obj, null, slots, kinds, length);
  }

  private void set(TypeInfo info, Object obj, FieldPlan plan, Object[] slots, byte[] kinds, int end) {
    this.info = info;
    this.obj = obj;
    this.plan = plan;
    this.slots = slots;
    this.kinds = kinds;
    this.pos = 0;
    this.end = end;
    this.valueIndex = -1;
    this.keyCheck = KEYS_NONE;
  }

  /** The path step for the slot being written ({@code pos - 1}), e.g. {@code .author} or {@code [3]}. */
  String label() {
    int i = pos - 1;
    if (info == null) {
      return "";
    }
    if (plan != null) {
      return "." + plan.names[i];
    }
    switch (info.kind) {
      case TypeInfo.RECORD:
        return "." + info.record().names[i];
      case TypeInfo.ADAPTER:
        return "<adapted>";
      case TypeInfo.HASH_MAP:
      case TypeInfo.LINKED_HASH_MAP:
      case TypeInfo.ENUM_MAP:
        return (i % 2 == 0 ? "<key " : "<value ") + i / 2 + ">";
      case TypeInfo.TREE_MAP:
        return i == 0 ? "<comparator>" : ((i - 1) % 2 == 0 ? "<key " : "<value ") + (i - 1) / 2 + ">";
      case TypeInfo.TREE_SET:
        return i == 0 ? "<comparator>" : "<element " + (i - 1) + ">";
      case TypeInfo.HASH_SET:
      case TypeInfo.LINKED_HASH_SET:
      case TypeInfo.ENUM_SET:
        return "<element " + i + ">";
      default:
        return "[" + i + "]";
    }
  }
}
