package dev.flamingo.core.snapshot;

/**
 * One object whose children are being read: the fields of a plain object (plan set) or a buffer of
 * slots that {@link Decoder} turns into the object when the frame completes. Single thread.
 */
final class DecodeFrame {

  TypeInfo info;
  Object obj;
  FieldPlan plan;
  Object[] buf;
  byte[] kinds;
  Class<?>[] types;
  int pos;
  int end;
  /** Table index of a value (record, adapted, List.of) that is stored there when complete. */
  int index;
  /** Deferred hash/tree collections at push time: those after it belong to this frame's subtree. */
  int deferMark;
  int tableLength;
  int threshold;

  DecodeFrame set(TypeInfo info, Object obj, FieldPlan plan, Object[] buf, int end) {
    this.info = info;
    this.obj = obj;
    this.plan = plan;
    this.buf = buf;
    this.kinds = null;
    this.types = null;
    this.pos = 0;
    this.end = end;
    this.index = -1;
    return this;
  }
}
