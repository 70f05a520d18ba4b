package arraycorpus;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Strings to char[] and byte[] and back, through the JDK both ways. */
public final class Text {
    private Text() {
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        String s = "h\u00e9llo w\u00f6rld \u2603";
        char[] cs = s.toCharArray();
        cs[0] = 'H';
        cs[6] = Character.toUpperCase(cs[6]);
        out.append("chars ").append(new String(cs)).append('|').append(new String(cs, 6, 5)).append('|')
                .append(String.valueOf(cs)).append('|').append(String.copyValueOf(cs, 1, 3)).append('|')
                .append(String.valueOf(cs, 2, 2)).append('|').append(cs.length).append('\n');

        StringBuilder sb = new StringBuilder();
        sb.append(cs).append(cs, 0, 3).insert(0, cs, 1, 2);
        char[] dst = new char[8];
        Arrays.fill(dst, '-');
        s.getChars(0, 5, dst, 2);
        out.append("builder ").append(sb).append('|').append(new String(dst)).append('|');
        sb.getChars(0, 4, dst, 0);
        out.append(new String(dst)).append('\n');

        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int len = utf8.length;
        utf8[0] = 'J';
        out.append("utf8 ").append(len).append(' ').append(new String(utf8, StandardCharsets.UTF_8)).append('|')
                .append(new String(utf8, 0, 5, StandardCharsets.UTF_8)).append('|').append(hex(utf8, 1, 4)).append('\n');

        byte[] latin = "abc".getBytes();
        latin[1] = 'X';
        out.append("getBytes ").append(new String(latin)).append(' ').append(new String(latin, 1, 2)).append('\n');

        char[] emoji = Character.toChars(0x1F600);
        out.append("toChars ").append(emoji.length).append(' ').append(new String(emoji).codePointAt(0)).append(' ')
                .append(Character.isHighSurrogate(emoji[0])).append('\n');

        int[] cps = s.codePoints().toArray();
        cps[0] = 'Y';
        out.append("codePoints ").append(cps.length).append(' ').append(new String(cps, 0, cps.length)).append('\n');

        String b64 = Base64.getEncoder().encodeToString(utf8);
        byte[] decoded = Base64.getDecoder().decode(b64);
        out.append("base64 ").append(b64).append(' ').append(Arrays.equals(decoded, utf8)).append('\n');

        CharBuffer cb = CharBuffer.wrap(cs, 1, 4);
        out.append("charBuffer ").append(cb).append(' ').append(cb.length()).append('\n');

        char[] reversed = new char[cs.length];
        for (int i = 0; i < cs.length; i++) {
            reversed[cs.length - 1 - i] = cs[i];
        }
        String back = new String(reversed);
        char[] again = back.toCharArray();
        out.append("roundTrip ").append(back).append(' ').append(Arrays.equals(again, reversed)).append(' ')
                .append(again == reversed).append('\n');

        char[] big = new char[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (char) ('a' + i % 26);
        }
        String bigString = new String(big);
        byte[] bigBytes = bigString.getBytes(StandardCharsets.US_ASCII);
        out.append("big ").append(bigString.hashCode()).append(' ').append(bigBytes.length).append(' ')
                .append(bigBytes[19_999]).append(' ').append(new String(bigBytes, 100, 5, StandardCharsets.US_ASCII))
                .append('\n');

        String[] parts = "a,b,,c".split(",");
        out.append("split ").append(parts.length).append(Arrays.toString(parts)).append(' ')
                .append(String.join("+", parts));
        return out.toString();
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder h = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            h.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return h.toString();
    }
}
