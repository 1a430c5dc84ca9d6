import ICUKit

/// A plain-text table whose columns stay straight in a terminal and a text editor, whatever the scripts.
///
/// Widths are display widths (`DisplayWidth.of`: grapheme clusters, East Asian wide = 2, marks = 0), and every
/// cell holding right-to-left text is wrapped in bidi isolates (U+2068 FIRST STRONG ISOLATE … U+2069 POP
/// DIRECTIONAL ISOLATE), so an Arabic name neither reorders its neighbours nor flips the line's direction: the
/// Unicode bidi algorithm skips isolates when it picks a paragraph's direction.
public struct TextTable: Sendable {
    /// How a column's cells sit in their width.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Rows drawn after a rule line (totals).
    public var footer: [[String]] = []

    /// Creates an empty table.
    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// `text` wrapped in bidi isolates when it contains right-to-left letters, else unchanged.
    public static func isolated(_ text: String) -> String {
        text.unicodeScalars.contains(where: isRightToLeft) ? "\u{2068}\(text)\u{2069}" : text
    }

    static func isRightToLeft(_ u: Unicode.Scalar) -> Bool {
        // Letters of Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended and presentation
        // forms. Arabic-Indic digits and separators are not strong (bidi class AN): numbers need no isolate.
        switch u.value {
        case 0x0660...0x066C, 0x06F0...0x06F9: return false
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    /// The table's lines, with no trailing spaces, joined by LF and ending with LF.
    public func render(gap: Int = 2) -> String {
        let all = [headers] + rows + footer
        let cells = all.map { $0.map(TextTable.isolated) }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ row: [String]) -> String {
            var out = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                if i > 0 { out += String(repeating: " ", count: gap) }
                out += alignments[i] == .right ? pad + cell : cell + pad
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        let total = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        let rule = String(repeating: "-", count: total)
        var lines = [line(cells[0]), rule]
        lines += cells[1..<(1 + rows.count)].map(line)
        if !footer.isEmpty {
            lines.append(rule)
            lines += cells[(rows.count + 1)...].map(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
