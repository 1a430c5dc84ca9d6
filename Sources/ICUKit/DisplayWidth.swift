internal import CICU

/// How many terminal columns text takes, for aligning plain-text reports that mix scripts.
///
/// ```swift
/// DisplayWidth.of("日本")     // 4
/// DisplayWidth.of("ﾃｽﾄ")     // 3 (halfwidth katakana)
/// DisplayWidth.of("\u{2067}حلب\u{2069}")   // 3: the bidi isolates take no room
/// ```
public enum DisplayWidth {
    /// Terminal columns: grapheme clusters; East Asian Wide/Fullwidth = 2; combining marks, format chars
    /// (incl. bidi isolates U+2066–U+2069) and zero-width = 0.
    ///
    /// A cluster takes the width of its first visible scalar; an emoji with presentation (by default or with
    /// VS16) and a regional-indicator flag take 2. Control characters take 0.
    public static func of(_ text: String) -> Int {
        // ASCII fast path: printable ASCII is one column per byte, controls none.
        if text.isASCII {
            return text.utf8.reduce(0) { $0 + ($1 >= 0x20 && $1 != 0x7F ? 1 : 0) }
        }
        var total = 0
        for cluster in text {
            total += width(of: cluster)
        }
        return total
    }

    /// The columns of one grapheme cluster.
    static func width(of cluster: Character) -> Int {
        var scalars = cluster.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let value = Int32(bitPattern: scalar.value)
            if isZeroWidth(value) { continue }
            if isRegionalIndicator(scalar.value) { return 2 }
            if cicu_char_is_emoji_presentation(value) != 0 { return 2 }
            if cluster.unicodeScalars.contains("\u{FE0F}") && scalar.properties.isEmoji { return 2 }
            return Int(cicu_char_east_asian_columns(value))
        }
        return 0
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(value) }

    /// Zero-width: nonspacing and enclosing marks, format characters (Cf: bidi controls and isolates, ZWJ, ZWNJ,
    /// soft hyphen), controls, other default ignorables, and Hangul medial/final jamo that join a syllable.
    private static func isZeroWidth(_ value: Int32) -> Bool {
        switch cicu_char_category(value) {
        case 6, 7, 15, 16:  // U_NON_SPACING_MARK, U_ENCLOSING_MARK, U_CONTROL_CHAR, U_FORMAT_CHAR
            return true
        default:
            if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
            return cicu_char_is_default_ignorable(value) != 0
        }
    }
}
