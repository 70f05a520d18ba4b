package io.legoj.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * {@code -javaagent} entry point. The agent jar joins the bootstrap search path first and everything
 * else of LegoJ is loaded from there: rewritten code of any class loader can call the runtime, and
 * LegoJ classes or libraries on the application's class path never mix with the agent's. This class
 * therefore names no other LegoJ class: verifying it would load them through the system class loader.
 * (The JVM then warns that class data sharing covers boot classes only; {@code bin/legoj run} passes
 * {@code -Xshare:off}, which avoids the warning.)
 */
public final class LegojAgent {
    private LegojAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        try {
            Path jar = Path.of(LegojAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class.forName("io.legoj.agent.AgentStart", true, null)
                    .getMethod("start", String.class, Instrumentation.class).invoke(null, args, inst);
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.err.println("[legoj] error: the agent failed to start: " + e.getCause());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("[legoj] error: cannot load the agent from its jar: " + e);
            System.exit(2);
        }
    }
}
