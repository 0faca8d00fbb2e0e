package org.tradeorders.platform.validation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a file is, by its content rather than its name: the document and image types parties attach
 * (PDF, JPEG, PNG), known by their signatures, and its SHA-256 checksum.
 */
public final class FileContent {
    /** The media types, as constants an annotation can name ({@code @Produces}, {@code @Consumes}). */
    public static final String PDF_TYPE = "application/pdf";
    public static final String JPEG_TYPE = "image/jpeg";
    public static final String PNG_TYPE = "image/png";

    public enum Type {
        PDF(PDF_TYPE, new byte[] { '%', 'P', 'D', 'F', '-' }),
        JPEG(JPEG_TYPE, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
        PNG(PNG_TYPE, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

        public final String mediaType;
        private final byte[] signature;

        Type(String mediaType, byte[] signature) {
            this.mediaType = mediaType;
            this.signature = signature;
        }
    }

    private FileContent() {
    }

    /** The file's type by its first bytes, if it is one of {@link Type}. */
    public static Optional<Type> typeOf(byte[] content) {
        return Arrays.stream(Type.values()).filter(t -> content.length > t.signature.length
                && Arrays.equals(content, 0, t.signature.length, t.signature, 0, t.signature.length)).findFirst();
    }

    /** The SHA-256 checksum, as lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
