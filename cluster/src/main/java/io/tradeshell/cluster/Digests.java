package io.tradeshell.cluster;

import io.tradeshell.engine.model.BarSeries;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes a cluster sweep checks: of files, of the bars loaded from them, and of tasks under the shared secret. */
final class Digests {
    private Digests() { }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * The bars as loaded, not the file: two members that read the same file differently (another
     * version, another parser) differ here even though the file's hash agrees.
     */
    static String bars(BarSeries s) {
        MessageDigest d = digest();
        d.update(s.symbol().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(48);
        b.putLong(s.periodMillis()).putInt(s.priceScale()).putInt(s.size());
        d.update(b.array(), 0, 16);
        for (int i = 0; i < s.size(); i++) {
            b.clear();
            b.putLong(s.openTime(i)).putDouble(s.open(i)).putDouble(s.high(i)).putDouble(s.low(i)).putDouble(s.close(i)).putDouble(s.volume(i));
            d.update(b.array(), 0, 48);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** HMAC-SHA256 of {@code parts} under the cluster's secret. */
    static byte[] mac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("tradeshell-cluster:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) mac.update(p);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
