import GazetteModel

/// A date expression found in text, before it is resolved against the dateline.
struct DateMention: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Day, month and year all written.
        case full(CivilDate)
        /// "19 December", "November 13": the year comes from the dateline.
        case dayMonth(day: Int, month: Int)
        /// "December 2017": month precision.
        case monthYear(year: Int, month: Int)
        /// "on Tuesday", "الإثنين": the most recent such day on or before the dateline.
        case weekday(Int)
        /// "yesterday", "today", "last week".
        case relative(RelativeDate)
        /// "mardi 4 avril", "الإثنين 22 تموز": the weekday picks the year when the text gives none.
        case weekdayDayMonth(weekday: Int, day: Int, month: Int)
    }

    var kind: Kind
    /// Token indices the mention spans.
    var tokens: Range<Int>
}

/// Finds dates in token streams with one language's month and weekday names.
struct DateFinder: Sendable {
    var vocabulary: DateVocabulary
    var relative: [(phrase: Phrase, offset: RelativeDate)] {
        didSet { relativeTable = PhraseTable(relative.map { ($0.phrase, $0.offset) }) }
    }
    var clitics: [String]
    /// Settable only so that `CompiledRules` can give the table its bit; `relative` rebuilds it.
    var relativeTable: PhraseTable<RelativeDate>

    init(vocabulary: DateVocabulary, relative: [(phrase: Phrase, offset: RelativeDate)], clitics: [String]) {
        self.vocabulary = vocabulary
        self.relative = relative
        self.clitics = clitics
        relativeTable = PhraseTable(relative.map { ($0.phrase, $0.offset) })
    }

    func mentions(in tokens: [Token]) -> [DateMention] {
        let found = rawMentions(in: tokens)
        // A weekday right before a day and month without a year ("mardi 4 avril") is one date.
        var out: [DateMention] = []
        var i = 0
        while i < found.count {
            if i + 1 < found.count, case .weekday(let w) = found[i].kind,
                case .dayMonth(let d, let m) = found[i + 1].kind,
                found[i + 1].tokens.lowerBound - found[i].tokens.upperBound <= 2
            {
                out.append(
                    DateMention(
                        kind: .weekdayDayMonth(weekday: w, day: d, month: m),
                        tokens: found[i].tokens.lowerBound..<found[i + 1].tokens.upperBound))
                i += 2
                continue
            }
            out.append(found[i])
            i += 1
        }
        return out
    }

    func rawMentions(in tokens: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        func num(_ k: Int) -> Int? { k < tokens.count && tokens[k].kind == .number ? tokens[k].number : nil }
        func isYear(_ k: Int) -> Int? {
            guard let n = num(k), tokens[k].key.count == 4, (1990...2035).contains(n) else { return nil }
            return n
        }
        /// Skips one optional separator token ("," "." "de" "of" "-") at k.
        func skipSep(_ k: Int) -> Int {
            guard k < tokens.count else { return k }
            let key = tokens[k].key
            if [",", ".", "-", "/", "de", "of", "del", "di", "the"].contains(key) { return k + 1 }
            // Arabic "15 من شهر حزيران": "of the month of".
            if key == "من" {
                if k + 1 < tokens.count, tokens[k + 1].key == "شهر" { return k + 2 }
                return k + 1
            }
            if key == "شهر" { return k + 1 }
            return k
        }
        // The tables' bits, when `CompiledRules` gave them some: a token that is no number and may start no
        // month, weekday or relative date starts no mention, and is passed over at once.
        let bits = [vocabulary.monthTable.bit, vocabulary.weekdayTable.bit, relativeTable.bit]
        let marked = !bits.contains(0)
        let dateTables = bits.reduce(0, |)
        while i < tokens.count {
            if marked, tokens[i].kind != .number, tokens[i].tables & dateTables == 0 {
                i += 1
                continue
            }
            // Numeric: D/M/YYYY, D.M.YYYY, D-M-YYYY, YYYY-MM-DD, YYYY/MM/DD.
            if let a = num(i), i + 4 < tokens.count, ["/", ".", "-"].contains(tokens[i + 1].key),
                let b = num(i + 2), tokens[i + 3].key == tokens[i + 1].key, let c = num(i + 4),
                !tokens[i + 1].range.isEmpty
            {
                let date: CivilDate?
                if tokens[i].key.count == 4 {
                    date = CivilDate(year: a, month: b, day: c)
                } else if tokens[i + 4].key.count == 4 {
                    date = CivilDate(year: c, month: b, day: a)
                } else {
                    date = nil
                }
                if let date, (1990...2035).contains(date.year) {
                    out.append(DateMention(kind: .full(date), tokens: i..<(i + 5)))
                    i += 5
                    continue
                }
            }
            // Day Month [Year]: "20 décembre 2017", "13 Kasım 2017", "13 de novembro de 2017", "21. Dezember".
            if let d = num(i), (1...31).contains(d), tokens[i].key.count <= 2 {
                var k = skipSep(i + 1)
                if let (m, len) = vocabulary.month(at: k, in: tokens, clitics: clitics) {
                    k += len
                    // "تشرين الثاني/نوفمبر": the Levantine and the Egyptian name side by side.
                    if k + 1 < tokens.count, tokens[k].key == "/",
                        let (_, len2) = vocabulary.month(at: k + 1, in: tokens, clitics: clitics)
                    {
                        k += 1 + len2
                    }
                    let y0 = skipSep(k)
                    if let y = isYear(y0), let date = CivilDate(year: y, month: m, day: d) {
                        out.append(DateMention(kind: .full(date), tokens: i..<(y0 + 1)))
                        i = y0 + 1
                        continue
                    }
                    out.append(DateMention(kind: .dayMonth(day: d, month: m), tokens: i..<k))
                    i = k
                    continue
                }
            }
            if let (m, len) = vocabulary.month(at: i, in: tokens, clitics: clitics) {
                // Month Day[,] Year: "December 20, 2017", "November 13".
                let k = i + len
                if let d = num(k), (1...31).contains(d), tokens[k].key.count <= 2 {
                    var y0 = k + 1
                    if y0 < tokens.count, [",", "."].contains(tokens[y0].key) { y0 += 1 }
                    if let y = isYear(y0), let date = CivilDate(year: y, month: m, day: d) {
                        out.append(DateMention(kind: .full(date), tokens: i..<(y0 + 1)))
                        i = y0 + 1
                        continue
                    }
                    out.append(DateMention(kind: .dayMonth(day: d, month: m), tokens: i..<(k + 1)))
                    i = k + 1
                    continue
                }
                // Month Year: "December 2017".
                let y0 = skipSep(k)
                if let y = isYear(y0) {
                    out.append(DateMention(kind: .monthYear(year: y, month: m), tokens: i..<(y0 + 1)))
                    i = y0 + 1
                    continue
                }
            }
            if let (w, len) = vocabulary.weekday(at: i, in: tokens, clitics: clitics) {
                out.append(DateMention(kind: .weekday(w), tokens: i..<(i + len)))
                i += len
                continue
            }
            if let (len, offset, _) = relativeTable.first(tokens, at: i, clitics: clitics) {
                out.append(DateMention(kind: .relative(offset), tokens: i..<(i + len)))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }
}

/// A date once resolved, with how precisely it is known.
struct ResolvedDate: Sendable, Hashable {
    var date: CivilDate?
    var precision: DatePrecision
}

/// The reference a relative date is resolved against: the dateline and how far it can be trusted.
struct DateReference: Sendable, Hashable {
    var date: CivilDate
    /// `.day` for a dateline, `.week` for a URL date, `.month` for an archive's ` date 2017-04` line.
    var precision: DatePrecision
}

extension DateMention {
    /// Resolves against `reference`; nil when the mention needs a reference and there is none.
    func resolve(against reference: DateReference?) -> ResolvedDate? {
        switch kind {
        case .full(let d): return ResolvedDate(date: d, precision: .day)
        case .monthYear(let y, let m):
            return ResolvedDate(date: CivilDate(year: y, month: m, day: 1), precision: .month)
        case .dayMonth(let d, let m):
            guard let ref = reference else { return nil }
            // The year of the dateline, or the year before when that would put the day after the dateline.
            guard var date = CivilDate(year: ref.date.year, month: m, day: d) else { return nil }
            if ref.precision != .unknown, date.dayNumber > ref.date.dayNumber + 31,
                let prev = CivilDate(year: ref.date.year - 1, month: m, day: d)
            {
                date = prev
            }
            return ResolvedDate(date: date, precision: .day)
        case .weekday(let w):
            guard let ref = reference, ref.precision == .day else { return nil }
            let back = (ref.date.weekday - w + 7) % 7
            return ResolvedDate(date: ref.date.adding(days: -back), precision: .day)
        case .weekdayDayMonth(let w, let d, let m):
            guard let ref = reference else { return nil }
            if ref.precision == .day || ref.precision == .week {
                return DateMention(kind: .dayMonth(day: d, month: m), tokens: tokens).resolve(against: ref)
            }
            // The year the text leans on, or the nearest one in which that day falls on that weekday.
            for delta in [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6] {
                if let date = CivilDate(year: ref.date.year + delta, month: m, day: d), date.weekday == w {
                    return ResolvedDate(date: date, precision: .day)
                }
            }
            return nil
        case .relative(.days(let n)):
            guard let ref = reference, ref.precision == .day else { return nil }
            return ResolvedDate(date: ref.date.adding(days: n), precision: .day)
        case .relative(.week):
            guard let ref = reference, ref.precision == .day || ref.precision == .week else { return nil }
            return ResolvedDate(date: ref.date, precision: .week)
        }
    }
}
