package arraycorpus;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Arrays that the JDK creates, fills, keeps or aliases, used by rewritten code. */
public final class JdkArrays {
    private JdkArrays() {
    }

    public static String run() {
        try {
            return work();
        } catch (NoSuchAlgorithmException | DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String work() throws NoSuchAlgorithmException, DataFormatException {
        StringBuilder out = new StringBuilder();
        byte[] abc = "abc".getBytes();
        abc[0] = 'A';
        int[] range = IntStream.rangeClosed(1, 5).toArray();
        range[4] *= 10;
        int[] copy = Arrays.copyOf(range, 7);
        copy[6] = 1;
        char[] hex = Integer.toHexString(255).toCharArray();
        long[] bits = BitSet.valueOf(new long[] {5, 1}).toLongArray();
        bits[1] <<= 4;
        out.append("returned ").append(new String(abc)).append(' ').append(Arrays.toString(range)).append(' ')
                .append(Arrays.toString(copy)).append(' ').append(hex).append(' ').append(Arrays.toString(bits))
                .append('\n');

        Random rnd = new Random(7);
        byte[] rb = new byte[6];
        rnd.nextBytes(rb);
        int[] ints = rnd.ints(5, 0, 100).toArray();
        double[] ds = rnd.doubles(3).toArray();
        out.append("random ").append(Arrays.toString(rb)).append(Arrays.toString(ints)).append(ds[2]).append('\n');

        byte[] back = new byte[16];
        back[0] = 1;
        back[15] = -1;
        ByteBuffer bb = ByteBuffer.wrap(back);
        bb.putInt(4, 0x01020304);
        back[8] = 9;
        back[9]++;
        out.append("wrap ").append(Arrays.toString(back)).append(' ').append(bb.get(8)).append(' ').append(bb.get(9))
                .append(' ').append(bb.get(0)).append(' ').append(bb.get(15)).append(' ').append(bb.array() == back)
                .append(' ').append(bb.hasArray()).append('\n');
        ByteBuffer window = ByteBuffer.wrap(back, 2, 4);
        byte before = window.get();
        back[3] = 77;
        bb.order(ByteOrder.LITTLE_ENDIAN).putShort(12, (short) 0x0506);
        out.append("window ").append(before).append(' ').append(window.get()).append(' ').append(back[12])
                .append(back[13]).append(' ').append(window.array() == back).append('\n');

        ByteBuffer alloc = ByteBuffer.allocate(8);
        byte[] arr = alloc.array();
        arr[0] = 5;
        alloc.putLong(0, alloc.getLong(0) | 0xff);
        byte[] into = new byte[4];
        alloc.get(4, into);
        ByteBuffer src = ByteBuffer.allocate(4);
        src.put(new byte[] {1, 2, 3});
        out.append("alloc ").append(alloc.get(0)).append(' ').append(arr[7]).append(' ').append(Arrays.toString(into))
                .append(' ').append(Arrays.toString(src.array())).append('\n');

        int[] intBacking = new int[3];
        IntBuffer ib = IntBuffer.wrap(intBacking);
        ib.put(1, -1);
        intBacking[2] = 8;
        out.append("intBuffer ").append(Arrays.toString(intBacking)).append(' ').append(ib.get(2)).append(' ')
                .append(ib.array() == intBacking).append('\n');

        byte[] streamBytes = {10, 20, 30};
        ByteArrayInputStream bais = new ByteArrayInputStream(streamBytes);
        streamBytes[0] = 42;
        int firstRead = bais.read();
        byte[] readInto = new byte[4];
        int n = bais.read(readInto, 1, 3);
        out.append("byteArrayStream ").append(firstRead).append(' ').append(n).append(' ')
                .append(Arrays.toString(readInto)).append('\n');

        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 17);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(data, 10, 100);
        byte[] digest = sha.digest(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        crc.update(data, 5, 20);
        out.append("digest ").append(Text.hex(digest, 0, 8)).append(' ').append(crc.getValue()).append('\n');

        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] packed = new byte[4096];
        int packedLength = deflater.deflate(packed);
        deflater.end();
        Inflater inflater = new Inflater();
        inflater.setInput(packed, 0, packedLength);
        byte[] unpacked = new byte[data.length];
        int unpackedLength = inflater.inflate(unpacked);
        inflater.end();
        out.append("zip ").append(packedLength > 0).append(' ').append(unpackedLength).append(' ')
                .append(Arrays.equals(unpacked, data)).append('\n');

        int[] stream = {5, 3, 8};
        out.append("arrays ").append(Arrays.stream(stream).sum()).append(' ').append(IntStream.of(stream).max().getAsInt())
                .append(' ').append(Arrays.toString(stream)).append(' ').append(Arrays.hashCode(stream)).append(' ')
                .append(Arrays.equals(stream, new int[] {5, 3, 8})).append(' ')
                .append(Arrays.mismatch(stream, new int[] {5, 4})).append(' ').append(Arrays.binarySearch(new long[] {1, 3}, 3));
        Arrays.fill(stream, 1, 3, 4);
        out.append(' ').append(Arrays.toString(stream));
        return out.toString();
    }
}
