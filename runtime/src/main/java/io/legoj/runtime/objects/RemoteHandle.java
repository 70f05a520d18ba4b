package io.legoj.runtime.objects;

/**
 * A handle of something in remote memory: the topmost remote class of every remote hierarchy (as a
 * {@link RemoteObject}) and the runtime's remote arrays.
 */
public interface RemoteHandle {
    /**
     * The object's address, allocating its remote storage on first use; remote memory stores it to
     * refer to the object. 0 for a handle that stays local (an array whose home is a JVM array).
     */
    long $legoj$address();

    /** The address field as it is: 0 when the object has no storage yet. */
    long $legoj$rawAddress();

    /**
     * Sets the address field (and forgets any remembered translation, which a fresh clone copied from
     * its original): for a new object, a re-created handle, or a fresh clone.
     */
    void $legoj$bind(long address);
}
