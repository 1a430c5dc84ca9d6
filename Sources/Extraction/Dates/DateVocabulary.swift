/// Month and weekday names of one or more locales, as folded word sequences.
///
/// Names come from ICU's CLDR data (`DateSymbols`), wide, abbreviated and stand-alone forms; a rule set's
/// `[months]` and `[weekdays]` add only forms ICU lacks (Maghrebi Arabic `جوان`, `اوت`).
struct DateVocabulary: Sendable, Hashable {
    /// Longest phrase first, so `تشرين الثاني` wins over `تشرين`.
    var months: [(phrase: [String], month: Int)]
    var weekdays: [(phrase: [String], weekday: Int)]
    /// `var` only so that `CompiledRules` can give the tables their bits.
    var monthTable: PhraseTable<Int>
    var weekdayTable: PhraseTable<Int>

    static func == (a: DateVocabulary, b: DateVocabulary) -> Bool {
        a.months.map { "\($0.phrase)\($0.month)" } == b.months.map { "\($0.phrase)\($0.month)" }
    }

    func hash(into h: inout Hasher) { h.combine(months.count) }

    /// One locale's month and weekday names as folded keys with their numbers, in ICU's order.
    struct LocaleNames {
        var months: [(key: String, month: Int)] = []
        var weekdays: [(key: String, weekday: Int)] = []
    }

    /// The names of `locale` from ICU, folded; abbreviations of one or two letters ("m.") are left out, since
    /// they would match too much.
    static func localeNames(_ locale: String) -> LocaleNames {
        let names = ICUBridge.dateNames(locale: locale)
        var out = LocaleNames()
        for (i, forms) in names.months.enumerated() {
            for form in forms {
                let key = RuleSet.phrase(form).joined(separator: " ")
                if key.count >= 3 { out.months.append((key, i + 1)) }
            }
        }
        for (i, forms) in names.weekdays.enumerated() {
            for form in forms {
                let key = RuleSet.phrase(form).joined(separator: " ")
                if key.count >= 3 { out.weekdays.append((key, i + 1)) }
            }
        }
        return out
    }

    /// - Parameter names: `localeNames(_:)`, or the same answers remembered by a caller that builds several
    ///   vocabularies over the same locales.
    init(
        locales: [String], rules: [RuleSet], names: (String) -> LocaleNames = DateVocabulary.localeNames
    ) {
        var months: [String: Int] = [:]
        var weekdays: [String: Int] = [:]
        // The first locale to name a key gives its number.
        for locale in locales {
            let n = names(locale)
            for (key, month) in n.months where months[key] == nil { months[key] = month }
            for (key, weekday) in n.weekdays where weekdays[key] == nil { weekdays[key] = weekday }
        }
        for r in rules {
            for (w, m) in r.extraMonths where months[w] == nil { months[w] = m }
            for (w, d) in r.extraWeekdays where weekdays[w] == nil { weekdays[w] = d }
        }
        func sorted(_ d: [String: Int]) -> [([String], Int)] {
            d.map { (String($0.key).split(separator: " ").map(String.init), $0.value) }
                .sorted { ($0.0.count, $0.0.joined(separator: " ")) > ($1.0.count, $1.0.joined(separator: " ")) }
        }
        self.months = sorted(months).map { (phrase: $0.0, month: $0.1) }
        self.weekdays = sorted(weekdays).map { (phrase: $0.0, weekday: $0.1) }
        monthTable = PhraseTable(self.months.map { ($0.phrase, $0.month) })
        weekdayTable = PhraseTable(self.weekdays.map { ($0.phrase, $0.weekday) })
    }

    /// The month named at `tokens[i...]`, with the number of tokens it spans.
    func month(at i: Int, in tokens: [Token], clitics: [String]) -> (month: Int, length: Int)? {
        monthTable.first(tokens, at: i, clitics: clitics).map { ($0.value, $0.length) }
    }

    func weekday(at i: Int, in tokens: [Token], clitics: [String]) -> (weekday: Int, length: Int)? {
        weekdayTable.first(tokens, at: i, clitics: clitics).map { ($0.value, $0.length) }
    }
}
