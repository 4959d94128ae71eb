package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data handles in model state: they travel in view events, are snapshotted as their ids, and replicas holding
 * handles with identical hashes (one handle published twice) end identical, a restored late joiner included.
 */
class DataHandleSnapshotTest {
  private static final Registry REGISTRY = Registry.builder().register("test.Handles", HandleModel.class).build();
  private static final String PID = "p".repeat(43);

  private static DataHandle handle(char hash, byte[] key) {
    return DataHandle.of("com.example.app", PID, String.valueOf(hash).repeat(43), key);
  }

  @Test
  void replicasAndALateJoinerHoldingEqualHandlesHaveIdenticalSnapshots() {
    List<DataHandle> published = List.of(handle('a', null), handle('b', new byte[32]), handle('a', null));
    List<VirtualMachine> replicas = new ArrayList<>();
    List<Stream> streams = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      VirtualMachine vm = VirtualMachine.create(REGISTRY, "handles", HandleModel.class, null, null, new TestHost());
      replicas.add(vm);
      streams.add(new Stream(vm));
    }
    long time = 0;
    for (DataHandle h : published) {
      time += 10;
      for (Stream s : streams) {
        s.event(time, "data", "add", h);
      }
    }
    VirtualMachine late = VirtualMachine.restore(REGISTRY, replicas.get(0).snapshot().bytes(), new TestHost());
    streams.add(new Stream(late).skipTo(streams.get(0).seq()));
    replicas.add(late);
    for (Stream s : streams) {
      s.event(time + 10, "data", "add", handle('b', new byte[32]));
    }
    List<String> hashes = replicas.stream().map(vm -> vm.snapshot().sha256()).toList();
    assertEquals(List.of(hashes.get(0), hashes.get(0), hashes.get(0)), hashes);
    HandleModel restored = (HandleModel) late.rootModel();
    assertEquals(List.of(handle('a', null), handle('b', new byte[32]), handle('a', null), handle('b', new byte[32])),
        restored.handles);
    assertSame(restored.handles.get(0), restored.handles.get(2));
    assertEquals(2, restored.distinct.size());
  }
}
