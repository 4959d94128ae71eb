package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoLeakedBuffersTest {

    /** The guard sees a buffer dropped without release (and takes it, so this class passes its own check). */
    @Test
    void aDroppedBufferIsReported() throws InterruptedException {
        NoLeakedBuffers.collect(); // whatever earlier classes left is theirs
        dropOne();
        List<String> leaks = NoLeakedBuffers.collect();
        assertTrue(leaks.stream().anyMatch(l -> l.contains("dropOne")), "no leak reported: " + leaks);
    }

    private static void dropOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(1); // a recorded access, whose stack names this method
    }
}
