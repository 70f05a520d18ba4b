package programs;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code local.txt} and {@code mnt/remote.txt} (relative to its working directory) and reads both back. */
public final class MountedPaths {
    private MountedPaths() {
    }

    public static void main(String[] args) throws IOException {
        try (FileWriter w = new FileWriter("local.txt")) {
            w.write("stays here");
        }
        Files.writeString(Path.of("mnt", "remote.txt"), "goes away");
        System.out.println(Files.readString(Path.of("local.txt")) + " / " + Files.readString(Path.of("mnt/remote.txt"))
                + " / " + new File("mnt/remote.txt").length());
    }
}
