package com.rosettachat.file.web;

import com.rosettachat.shared.validation.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The non-file fields of an upload. {@code meta} may arrive as a JSON object (JSON body), as a
 * string holding a JSON object, or as {@code meta[key]} form fields.
 */
record UploadInput(String visibility, Map<String, Object> meta) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_META_CHARS = 10_000;

    static UploadInput parse(Input input, MultipartFile file, List<String> visibilities) {
        if (file == null) {
            input.field("file").required().check(false, "The file field must be a file.");
        }
        String visibility = input.field("visibility").string().in(visibilities).asString();
        Map<String, Object> meta = meta(input);
        input.validate();
        return new UploadInput(visibility, meta);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Input input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        input.values().forEach((key, value) -> {
            if (key.startsWith("meta[") && key.endsWith("]") && key.length() > 6) {
                fields.put(key.substring(5, key.length() - 1), value);
            }
        });
        Object raw = input.raw("meta");
        if (raw instanceof String text && !text.isBlank()) {
            try {
                raw = JSON.readValue(text, Object.class);
            } catch (JacksonException e) {
                raw = text;
            }
        }
        Map<String, Object> meta = null;
        if (raw instanceof Map<?, ?> map) {
            meta = new LinkedHashMap<>((Map<String, Object>) map);
        } else if (raw != null && !(raw instanceof String s && s.isBlank())) {
            input.fail("meta", "The meta field must be an object.");
            return null;
        }
        if (!fields.isEmpty()) {
            meta = meta == null ? fields : meta;
            meta.putAll(fields);
        }
        if (meta != null && JSON.writeValueAsString(meta).length() > MAX_META_CHARS) {
            input.fail("meta", "The meta field must not be greater than " + MAX_META_CHARS + " characters.");
            return null;
        }
        return meta;
    }
}
