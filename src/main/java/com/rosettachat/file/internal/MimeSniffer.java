package com.rosettachat.file.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The MIME type from the file's first bytes (Tika's magic numbers). The client's name may only
 * refine what the bytes say into a subtype (a zip into a docx), never override it.
 */
@Component
public class MimeSniffer {

    private static final int PREFIX = 64 * 1024;
    private final Tika tika = new Tika();

    /** Reads the prefix with mark/reset, so {@code in} still yields every byte afterwards. */
    public String sniff(InputStream in, String clientName) throws IOException {
        in.mark(PREFIX + 1);
        byte[] prefix = in.readNBytes(PREFIX);
        in.reset();
        String type = prefix.length == 0 ? "application/octet-stream" : tika.detect(prefix, clientName);
        return type == null ? "application/octet-stream" : type;
    }
}
