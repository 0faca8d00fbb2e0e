package org.tradeorders.platform.validation;

import org.tradeorders.platform.domain.InvalidInput;

/**
 * An uploaded file, checked: a printable name that cannot name a path, not empty, within the size
 * limit, a PDF, JPEG or PNG by its content (whatever its name says), and the declared Content-Type (if
 * not application/octet-stream) agreeing with the content. Refused with the field and reason, never
 * altered.
 */
public record UploadedFile(String fileName, FileContent.Type type, String sha256, byte[] content) {
    static final String ANY_TYPE = "application/octet-stream";

    public static UploadedFile check(String fileName, String declaredType, byte[] content, long maxBytes) {
        if (fileName == null || fileName.isBlank()) {
            throw new InvalidInput("fileName", "is required: the file's name, e.g. bill-of-lading.pdf");
        }
        if (fileName.length() > 200 || !Formats.isPrintable(fileName) || fileName.contains("/") || fileName.contains("\\")) {
            throw new InvalidInput("fileName", "must be at most 200 printable characters without / or \\");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInput("body", "is empty: send the file itself as the body");
        }
        if (content.length > maxBytes) {
            throw new InvalidInput("body", "is larger than " + maxBytes + " bytes");
        }
        FileContent.Type type = FileContent.typeOf(content).orElseThrow(() -> new InvalidInput("body",
                "is not a PDF, JPEG or PNG file (judged by its content, not its name)"));
        if (declaredType != null && !ANY_TYPE.equals(declaredType) && !type.mediaType.equals(declaredType)) {
            throw new InvalidInput("Content-Type", "says " + declaredType + ", but the file is " + type.mediaType);
        }
        return new UploadedFile(fileName, type, FileContent.sha256(content), content);
    }
}
