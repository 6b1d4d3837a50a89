package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * Builds batch arrays straight from our row-major Java arrays: rows are gathered (or a contiguous block copied)
 * into a reusable direct buffer per slot and handed to the engine in one call, instead of stacking one small
 * array per row (DJL's STACK batchifier). Not thread-safe: give each thread its own instance.
 *
 * <pre>{@code
 * BatchArrays scratch = new BatchArrays();
 * try (NDManager batch = manager.newSubManager()) { NDArray x = scratch.floats(batch, 0, block, width, order, 0, 512); }
 * }</pre>
 *
 * <p><b>Aliasing rule.</b> On the CPU, PyTorch wraps the direct buffer without copying, so an array made here
 * shares memory with its slot until the slot is filled again. Use one slot per array of a batch, and close the
 * batch's manager (or stop reading its arrays) before building the next batch with the same slots. On a GPU the
 * data is copied to the device, so the rule is harmless there.
 */
public final class BatchArrays {
    private static final int ALIGNMENT = 64;
    private ByteBuffer[] slots = new ByteBuffer[4];

    /** A fresh instance with no buffers yet (they grow on first use). */
    public BatchArrays() {
    }

    /**
     * Rows {@code rows[from..to)} of the row-major {@code width}-column block {@code src} as a
     * {@code (to - from, width)} float32 array; {@code rows == null} means rows {@code from..to-1} in order.
     */
    public NDArray floats(NDManager manager, int slot, float[] src, int width, int[] rows, int from, int to) {
        int n = to - from;
        Shape shape = new Shape(n, width);
        if (n == 0 || width == 0) {
            return manager.create(shape, DataType.FLOAT32);
        }
        ByteBuffer buf = buffer(slot, (long) n * width * Float.BYTES);
        FloatBuffer f = buf.asFloatBuffer();
        if (rows == null) {
            f.put(src, from * width, n * width);
        } else {
            for (int i = from; i < to; i++) {
                f.put(src, rows[i] * width, width);
            }
        }
        return manager.create(buf, shape, DataType.FLOAT32);
    }

    /** Like {@link #floats} for an int block, as an int32 array. */
    public NDArray ints(NDManager manager, int slot, int[] src, int width, int[] rows, int from, int to) {
        int n = to - from;
        Shape shape = new Shape(n, width);
        if (n == 0 || width == 0) {
            return manager.create(shape, DataType.INT32);
        }
        ByteBuffer buf = buffer(slot, (long) n * width * Integer.BYTES);
        IntBuffer b = buf.asIntBuffer();
        if (rows == null) {
            b.put(src, from * width, n * width);
        } else {
            for (int i = from; i < to; i++) {
                b.put(src, rows[i] * width, width);
            }
        }
        return manager.create(buf, shape, DataType.INT32);
    }

    /**
     * Values {@code src[rows[i]]} for {@code i} in {@code [from, to)} as a {@code (to - from)} float32 vector;
     * {@code rows == null} means {@code src[from..to)}.
     */
    public NDArray floatVector(NDManager manager, int slot, float[] src, int[] rows, int from, int to) {
        int n = to - from;
        Shape shape = new Shape(n);
        if (n == 0) {
            return manager.create(shape, DataType.FLOAT32);
        }
        ByteBuffer buf = buffer(slot, (long) n * Float.BYTES);
        FloatBuffer f = buf.asFloatBuffer();
        if (rows == null) {
            f.put(src, from, n);
        } else {
            for (int i = from; i < to; i++) {
                f.put(src[rows[i]]);
            }
        }
        return manager.create(buf, shape, DataType.FLOAT32);
    }

    /**
     * A float view of slot {@code slot}'s buffer with room for exactly {@code count} floats, position 0: fill it
     * yourself (for inputs that are not plain row blocks, such as rows joined with embedding vectors), then make
     * the array with {@link #filledFloats}. The same aliasing rule applies.
     */
    public FloatBuffer floatBuffer(int slot, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        return buffer(slot, (long) count * Float.BYTES).asFloatBuffer();
    }

    /**
     * The first {@code shape.size()} floats of slot {@code slot}, as filled through {@link #floatBuffer}, as a
     * float32 array of {@code shape}.
     */
    public NDArray filledFloats(NDManager manager, int slot, Shape shape) {
        long n = shape.size();
        if (n == 0) {
            return manager.create(shape, DataType.FLOAT32);
        }
        ByteBuffer b = slot >= 0 && slot < slots.length ? slots[slot] : null;
        if (b == null || b.capacity() < n * Float.BYTES) {
            throw new IllegalStateException("slot " + slot + " holds fewer than " + n + " floats; fill it with "
                    + "floatBuffer(" + slot + ", " + n + ") first");
        }
        b.clear();
        b.limit((int) (n * Float.BYTES));
        return manager.create(b, shape, DataType.FLOAT32);
    }

    /**
     * A direct, native-order buffer of exactly {@code bytes} bytes (position 0, limit {@code bytes}), aligned to
     * 64 bytes as PyTorch aligns its own tensors (BLAS kernels read aligned rows faster).
     */
    private ByteBuffer buffer(int slot, long bytes) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0, got " + slot);
        }
        if (bytes > Integer.MAX_VALUE - 2 * ALIGNMENT) {
            throw new IllegalArgumentException("a batch array of " + bytes + " bytes is too large; lower the batch size");
        }
        if (slot >= slots.length) {
            slots = java.util.Arrays.copyOf(slots, Math.max(slot + 1, slots.length * 2));
        }
        ByteBuffer b = slots[slot];
        if (b == null || b.capacity() < bytes) {
            long grown = b == null ? bytes : Math.max(bytes, Math.min(Integer.MAX_VALUE, 2L * b.capacity()));
            // alignedSlice rounds the capacity down to a multiple of the alignment: round up, then add one unit
            long rounded = (grown + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            b = ByteBuffer.allocateDirect((int) Math.min(Integer.MAX_VALUE, rounded + ALIGNMENT))
                    .alignedSlice(ALIGNMENT).order(ByteOrder.nativeOrder());
            slots[slot] = b;
        }
        b.clear();
        b.limit((int) bytes);
        return b;
    }
}
