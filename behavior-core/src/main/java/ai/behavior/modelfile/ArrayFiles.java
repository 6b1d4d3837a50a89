package ai.behavior.modelfile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Encodes and decodes the binary array files of a model folder (layout in {@link ModelFiles}). */
final class ArrayFiles {
    static final byte FLOAT = 'F';
    static final byte INT = 'I';
    static final byte DOUBLE = 'D';
    static final byte STRING = 'S';
    private static final int CHUNK = 1 << 16;

    private ArrayFiles() {
    }

    static void header(DataOutputStream out, byte type, long rows, long cols) throws IOException {
        out.write(ModelFiles.MAGIC);
        out.writeByte(type);
        out.writeLong(rows);
        out.writeLong(cols);
    }

    static void floats(DataOutputStream out, float[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            buf.clear();
            buf.asFloatBuffer().put(a, from, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    static void ints(DataOutputStream out, int[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            buf.clear();
            buf.asIntBuffer().put(a, from, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    static void doubles(DataOutputStream out, double[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            buf.clear();
            buf.asDoubleBuffer().put(a, from, n);
            out.write(buf.array(), 0, n * 8);
        }
    }

    static void strings(DataOutputStream out, String[] a) throws IOException {
        for (String s : a) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** Reads and checks a header; returns {rows, cols}. */
    static long[] readHeader(DataInputStream in, byte expectedType, String name) throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, ModelFiles.MAGIC)) {
            throw new ModelFileException(name + ": not an array file of this format (bad magic bytes)");
        }
        byte type = in.readByte();
        if (type != expectedType) {
            throw new ModelFileException(name + ": holds element type '" + (char) type + "', expected '"
                    + (char) expectedType + "'");
        }
        long rows = in.readLong();
        long cols = in.readLong();
        if (rows < 0 || cols < 0 || (cols > 0 && rows > Integer.MAX_VALUE / cols)) {
            throw new ModelFileException(name + ": impossible shape " + rows + " x " + cols);
        }
        return new long[] {rows, cols};
    }

    static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        byte[] bytes = new byte[CHUNK * 4];
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            in.readFully(bytes, 0, k * 4);
            ByteBuffer.wrap(bytes, 0, k * 4).asFloatBuffer().get(a, from, k);
        }
        return a;
    }

    static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        byte[] bytes = new byte[CHUNK * 4];
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            in.readFully(bytes, 0, k * 4);
            ByteBuffer.wrap(bytes, 0, k * 4).asIntBuffer().get(a, from, k);
        }
        return a;
    }

    static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] a = new double[n];
        byte[] bytes = new byte[CHUNK * 8];
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            in.readFully(bytes, 0, k * 8);
            ByteBuffer.wrap(bytes, 0, k * 8).asDoubleBuffer().get(a, from, k);
        }
        return a;
    }

    static String[] readStrings(DataInputStream in, int n, String name) throws IOException {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            int len = in.readInt();
            if (len < 0 || len > (1 << 24)) {
                throw new ModelFileException(name + ": string " + i + " has impossible length " + len);
            }
            byte[] b = new byte[len];
            in.readFully(b);
            a[i] = new String(b, StandardCharsets.UTF_8);
        }
        return a;
    }

    static void expectEnd(DataInputStream in, String name) throws IOException {
        if (in.read() != -1) {
            throw new ModelFileException(name + ": has bytes after the declared data");
        }
    }

    static ModelFileException truncated(String name, EOFException e) {
        return new ModelFileException(name + ": ends before the declared data (truncated)");
    }
}
