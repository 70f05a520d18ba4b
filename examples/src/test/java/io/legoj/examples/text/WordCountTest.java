package io.legoj.examples.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {
    @TempDir
    Path dir;

    @Test
    void countsLowerCasedWordsAndSortsByCountThenWord() throws IOException {
        Path in = Files.writeString(dir.resolve("in.txt"), "The cat, the DOG.\nA dog; a cat - the end\n");
        Path out = dir.resolve("out.txt");
        String digest = WordCount.write(WordCount.sorted(WordCount.count(in)), out.toFile());
        assertEquals(List.of("3 the", "2 a", "2 cat", "2 dog", "1 end"), Files.readAllLines(out));
        assertEquals(16, digest.length());
    }

    @Test
    void theGeneratedTextIsTheSameEveryTime() throws IOException {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        WordCount.generate(a.toFile(), 200);
        WordCount.generate(b.toFile(), 200);
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals(200, Files.readAllLines(a).size());
        assertTrue(WordCount.count(a).size() > 50);
    }
}
