package io.legoj.agent;

/**
 * How a class is rewritten. Every application class gets its field accesses linked at run time;
 * remote classes also keep their own instance fields in remote memory.
 */
public enum ClassKind {
    /** Remote, and the top of its remote hierarchy: carries the handle's address. */
    REMOTE_TOP,
    /** Remote, below a remote superclass. */
    REMOTE_SUB,
    /** Fields stay in the Java object (with a logged reason). */
    LOCAL
}
