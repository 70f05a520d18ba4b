package programs;

import io.netty.util.Version;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;

/** An application that ships its own Netty and ASM, in other versions than LegoJ's. */
public final class BundledLibraries {
    public static void main(String[] args) throws Exception {
        System.out.println("netty-common " + Version.identify().get("netty-common").artifactVersion());
        try (InputStream in = BundledLibraries.class.getResourceAsStream("BundledLibraries.class")) {
            ClassReader reader = new ClassReader(in.readAllBytes());
            System.out.println("asm read " + reader.getClassName() + " from "
                    + ClassReader.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                    .replaceAll(".*/", ""));
        }
    }
}
