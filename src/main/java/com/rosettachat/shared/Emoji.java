package com.rosettachat.shared;

/**
 * Recognises one emoji sequence (UTS #51): a pictograph with its variation selector, skin tone,
 * tags and keycap, joined by ZWJ to the next; a pair of regional indicators (a flag); a keycap
 * ({@code 1️⃣}). The pictograph ranges follow Unicode's Extended_Pictographic property closely
 * enough for chat; anything they catch beyond it is symbols, which are safe to keep as they are.
 * Translation keeps these byte for byte; reactions accept exactly one.
 */
public final class Emoji {

    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;

    private Emoji() {
    }

    /** The end of the emoji sequence starting at {@code i}, or -1 when none starts there. */
    public static int sequenceEnd(String text, int i, int limit) {
        int cp = text.codePointAt(i);
        if (isRegionalIndicator(cp)) {
            int next = i + Character.charCount(cp);
            if (next < limit && isRegionalIndicator(text.codePointAt(next))) {
                return next + Character.charCount(text.codePointAt(next));
            }
            return next;
        }
        if (isKeycapBase(cp)) {
            int j = i + 1;
            if (j < limit && text.charAt(j) == '\uFE0F') {
                j++;
            }
            return j < limit && text.charAt(j) == KEYCAP ? j + 1 : -1;
        }
        if (!isPictographic(cp)) {
            return -1;
        }
        int end = i + Character.charCount(cp);
        while (end < limit) {
            int next = text.codePointAt(end);
            if (isModifier(next)) {
                end += Character.charCount(next);
            } else if (next == ZWJ && end + 1 < limit && isPictographic(text.codePointAt(end + 1))) {
                end += 1 + Character.charCount(text.codePointAt(end + 1));
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isModifier(int cp) {
        return cp == 0xFE0F || cp == 0xFE0E || cp == KEYCAP
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tones
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag sequences (subdivision flags)
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isKeycapBase(int cp) {
        return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
    }

    /** Whether {@code text} is one emoji sequence and nothing else. */
    public static boolean isSingle(String text) {
        return text != null && !text.isEmpty() && sequenceEnd(text, 0, text.length()) == text.length();
    }

    static boolean isPictographic(int cp) {
        if (cp >= 0x1F000) {
            return cp <= 0x1FAFF || (cp >= 0x1FC00 && cp <= 0x1FFFD);
        }
        if (cp >= 0x2600 && cp <= 0x27BF) { // miscellaneous symbols and dingbats
            return true;
        }
        if (cp >= 0x2300 && cp <= 0x23FF) { // watch, hourglass, keyboard, media controls
            return cp == 0x231A || cp == 0x231B || cp == 0x2328 || cp == 0x2388 || cp == 0x23CF
                    || (cp >= 0x23E9 && cp <= 0x23F3) || (cp >= 0x23F8 && cp <= 0x23FA);
        }
        return switch (cp) {
            case 0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x2194, 0x2195, 0x2196, 0x2197, 0x2198, 0x2199,
                    0x21A9, 0x21AA, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25C0, 0x25FB, 0x25FC, 0x25FD, 0x25FE,
                    0x2934, 0x2935, 0x2B05, 0x2B06, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55, 0x3030, 0x303D,
                    0x3297, 0x3299 -> true;
            default -> false;
        };
    }
}
