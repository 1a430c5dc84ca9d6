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

    init(locales: [String], rules: [RuleSet]) {
        var months: [String: Int] = [:]
        var weekdays: [String: Int] = [:]
        for locale in locales {
            let names = ICUBridge.dateNames(locale: locale)
            for (i, forms) in names.months.enumerated() {
                for form in forms {
                    let key = RuleSet.phrase(form).joined(separator: " ")
                    // Abbreviations of one or two letters ("m.") would match too much.
                    if key.count >= 3, months[key] == nil { months[key] = i + 1 }
                }
            }
            for (i, forms) in names.weekdays.enumerated() {
                for form in forms {
                    let key = RuleSet.phrase(form).joined(separator: " ")
                    if key.count >= 3, weekdays[key] == nil { weekdays[key] = i + 1 }
                }
            }
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
