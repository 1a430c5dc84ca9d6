/// Perpetrator strings as extraction writes them: the rule set's vocabulary label, then the words as written in
/// brackets, several joined by "; " — `Russian air force [Russian jets]; Assad regime [regime helicopters]`.
enum Actors {
    /// The vocabulary labels without the words as written: `["Russian air force", "Assad regime"]`.
    static func labels(_ perpetrator: String) -> [String] {
        perpetrator.split(separator: ";").compactMap { part in
            let label = part.split(separator: "[", maxSplits: 1).first.map(String.init) ?? String(part)
            let trimmed = label.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The labels joined, for grouping: two reports that name the same actor in different words group together.
    static func label(_ perpetrator: String) -> String {
        labels(perpetrator).filter { $0.lowercased() != "unknown" }.joined(separator: "; ")
    }

    /// Who a label refers to, ignoring the branch: "Russian air force" and "Russian forces" are both
    /// `russian`; "Assad regime" is `assad`. Sources differ on the branch far more often than on the actor.
    static func families(_ perpetrator: String) -> Set<String> {
        Set(labels(perpetrator).compactMap { label in
            let first = label.lowercased().split(separator: " ").first.map(String.init)
            return first == "unknown" ? nil : first
        })
    }

    /// Compatible: the same actor family, or unknown on one side.
    static func compatible(_ a: String, _ b: String) -> Bool {
        let fa = families(a)
        let fb = families(b)
        return fa.isEmpty || fb.isEmpty || !fa.isDisjoint(with: fb)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = String(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
