package dev.flamingo.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChunkAssemblerTest {

    private final ChunkAssembler chunks = new ChunkAssembler();

    @Test
    void passesPlainFramesThrough() throws Exception {
        assertEquals("{}", chunks.accept("{}"));
    }

    @Test
    void joinsChunks() throws Exception {
        assertNull(chunks.accept("_CHUNK10{\"a\":"));
        assertNull(chunks.accept("_CHUNK00\"bc"));
        assertEquals("{\"a\":\"bcd\"}", chunks.accept("_CHUNK01d\"}"));
        assertEquals("x", chunks.accept("_CHUNK11x"));
    }

    @Test
    void rejectsBrokenSequences() {
        assertThrows(ProtocolException.class, () -> chunks.accept("_CHUNK00x"));
        assertThrows(ProtocolException.class, () -> chunks.accept("_CHUNK2"));
        assertThrows(ProtocolException.class, () -> chunks.accept("_CHUNK2x"));
    }

    @Test
    void rejectsPlainFrameInsideChunkedOne() throws Exception {
        chunks.accept("_CHUNK10{");
        assertThrows(ProtocolException.class, () -> chunks.accept("{}"));
        chunks.reset();
        assertEquals("{}", chunks.accept("{}"));
    }
}
