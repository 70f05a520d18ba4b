package io.legoj.examples.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text job that reads and writes files: {@code WordCount IN OUT [--generate LINES]} writes a
 * deterministic text of LINES lines to IN when IN does not exist, counts the words of IN
 * (lower-cased runs of letters), writes "count word" lines sorted by count then word to OUT and
 * prints the totals and a digest of OUT.
 */
public final class WordCount {
    private static final String[] SYLLABLES = {"lo", "ra", "ki", "ne", "do", "sa", "mu", "te", "vi", "po", "ga", "zu"};

    private WordCount() {
    }

    /** How often a word occurs. */
    static final class Count {
        final String word;
        long n;

        Count(String word) {
            this.word = word;
        }
    }

    /** Writes {@code lines} lines of generated words (a skewed vocabulary) with java.io. */
    static void generate(File file, int lines) throws IOException {
        long state = 7;
        try (Writer w = new BufferedWriter(new FileWriter(file, StandardCharsets.UTF_8))) {
            for (int l = 0; l < lines; l++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                int words = 4 + (int) ((state >>> 33) % 9);
                for (int i = 0; i < words; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    int r = (int) ((state >>> 33) % 4096);
                    w.write(i == 0 ? "" : (i % 5 == 0 ? ", " : " "));
                    w.write(word(r * r / 4096 * (r % 3 + 1)));
                }
                w.write(l % 4 == 3 ? ".\n" : "\n");
            }
        }
    }

    private static String word(int index) {
        StringBuilder b = new StringBuilder();
        int i = index;
        do {
            b.append(SYLLABLES[i % SYLLABLES.length]);
            i /= SYLLABLES.length;
        } while (i > 0);
        return index % 11 == 0 ? b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1) : b.toString();
    }

    /** The words of {@code in} with their counts, read with java.nio. */
    static Map<String, Count> count(Path in) throws IOException {
        Map<String, Count> counts = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                int start = -1;
                for (int i = 0; i <= line.length(); i++) {
                    boolean letter = i < line.length() && Character.isLetter(line.charAt(i));
                    if (letter && start < 0) {
                        start = i;
                    } else if (!letter && start >= 0) {
                        String w = line.substring(start, i).toLowerCase(Locale.ROOT);
                        counts.computeIfAbsent(w, Count::new).n++;
                        start = -1;
                    }
                }
            }
        }
        return counts;
    }

    static List<Count> sorted(Map<String, Count> counts) {
        List<Count> list = new ArrayList<>(counts.values());
        list.sort((a, b) -> a.n != b.n ? Long.compare(b.n, a.n) : a.word.compareTo(b.word));
        return list;
    }

    /** Writes "count word" lines with java.io and returns the file's SHA-256, read back with java.nio. */
    static String write(List<Count> sorted, File out) throws IOException {
        try (PrintWriter w = new PrintWriter(new BufferedWriter(new FileWriter(out, StandardCharsets.UTF_8)))) {
            for (Count c : sorted) {
                w.print(c.n);
                w.print(' ');
                w.print(c.word);
                w.print('\n');
            }
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.toPath()));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--generate"))) {
            System.err.println("usage: WordCount IN OUT [--generate LINES]");
            System.exit(2);
        }
        File in = new File(args[0]);
        if (!in.exists()) {
            if (args.length != 4) {
                System.err.println("wordcount: " + in + " does not exist (--generate LINES writes it)");
                System.exit(1);
            }
            generate(in, Integer.parseInt(args[3]));
            System.out.println("generated " + in.getName() + " " + in.length() + " bytes");
        }
        Map<String, Count> counts = count(in.toPath());
        List<Count> sorted = sorted(counts);
        long words = 0;
        for (Count c : sorted) {
            words += c.n;
        }
        String digest = write(sorted, new File(args[1]));
        System.out.println("words " + words + " distinct " + sorted.size());
        for (Count c : sorted.subList(0, Math.min(3, sorted.size()))) {
            System.out.println("top " + c.word + " " + c.n);
        }
        System.out.println("wrote " + new File(args[1]).getName() + " " + new File(args[1]).length() + " bytes digest "
                + digest);
        System.out.flush();
    }
}
