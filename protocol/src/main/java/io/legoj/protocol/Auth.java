package io.legoj.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenge-response proof of the cluster secret: the secret itself never crosses the wire. The MAC
 * binds the node's nonce, the application id and the page size, so a captured handshake cannot be
 * replayed on another connection or for another application.
 */
public final class Auth {
    public static final int MAC_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Auth() {
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[Challenge.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    public static byte[] mac(String secret, byte[] nonce, String appId, int pageSize) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(nonce);
            mac.update(appId.getBytes(StandardCharsets.UTF_8));
            mac.update(ByteBuffer.allocate(4).putInt(0, pageSize));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Constant-time check of a client's MAC. */
    public static boolean verify(String secret, byte[] nonce, Hello hello) {
        return MessageDigest.isEqual(mac(secret, nonce, hello.appId(), hello.pageSize()), hello.mac());
    }

    /** The secret from {@code LEGOJ_SECRET}, or a clear error when it is missing or empty. */
    public static String secretFromEnvironment() {
        String s = System.getenv(Protocol.SECRET_ENV);
        if (s == null || s.isEmpty()) {
            throw new IllegalStateException(Protocol.SECRET_ENV + " is not set: every node and application of a "
                    + "cluster needs the same secret (bin/legoj run makes one for its embedded cluster)");
        }
        return s;
    }
}
