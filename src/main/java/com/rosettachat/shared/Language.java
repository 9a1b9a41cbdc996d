package com.rosettachat.shared;

import java.util.List;
import java.util.Optional;

/** The languages a reader may choose; codes are what the API sends and receives. */
public enum Language {
    EN("en"), ZH_CN("zh-CN"), JA("ja"), TH("th"), ID("id");

    public static final List<String> CODES = List.of("en", "zh-CN", "ja", "th", "id");
    public static final String DEFAULT = "en";

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
