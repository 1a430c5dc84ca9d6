import ICUKit

/// Every ICU service extraction uses, in one place.
enum ICUBridge {
    struct DateNames {
        /// Index 0 = January; every form ICU knows (wide, abbreviated, stand-alone).
        var months: [[String]]
        /// Index 0 = Monday.
        var weekdays: [[String]]
    }

    /// Month and weekday names of `locale` from CLDR; empty lists when ICU does not know the locale.
    static func dateNames(locale: String) -> DateNames {
        guard let symbols = try? DateSymbols(locale: locale) else {
            return DateNames(months: Array(repeating: [], count: 12), weekdays: Array(repeating: [], count: 7))
        }
        var months: [[String]] = []
        for i in 0..<12 {
            var forms: [String] = []
            for list in [symbols.months, symbols.standaloneMonths, symbols.shortMonths] where i < list.count {
                // "janv." and "Dec." are written with and without the point.
                let form = list[i].hasSuffix(".") ? String(list[i].dropLast()) : list[i]
                if !forms.contains(form) { forms.append(form) }
            }
            months.append(forms)
        }
        var weekdays: [[String]] = []
        for i in 0..<7 {
            var forms: [String] = []
            for list in [symbols.weekdays, symbols.shortWeekdays] where i < list.count {
                let form = list[i].hasSuffix(".") ? String(list[i].dropLast()) : list[i]
                if !forms.contains(form) { forms.append(form) }
            }
            weekdays.append(forms)
        }
        return DateNames(months: months, weekdays: weekdays)
    }
}

/// The ICU objects one worker needs: they are not thread-safe (ubrk.h, unum.h), so each extraction session
/// opens its own, once per language.
final class ICUWorker {
    // One worker's objects, never accessed overlapping: no runtime exclusivity check per call.
    @exclusivity(unchecked) private var sentenceIterators: [String: BreakIterator] = [:]
    @exclusivity(unchecked) private var spellout: [String: SpelloutParser?] = [:]

    /// Sentence ranges of `text` by ICU's rules for `locale` (a line break always ends a sentence).
    func sentences(of text: String, locale: String) -> [Range<String.Index>] {
        if sentenceIterators[locale] == nil {
            sentenceIterators[locale] = try? BreakIterator(kind: .sentence, locale: locale)
        }
        guard let it = sentenceIterators[locale] else { return [text.startIndex..<text.endIndex] }
        return it.segments(of: text)
    }

    /// Builds the spellout tables of `locales` for the process (`SpelloutParser` shares them between its
    /// instances), so that workers do not build them while extracting, one waiting for the other.
    static func prepareSpellout(locales: [String]) {
        for locale in locales { _ = try? SpelloutParser(locale: locale) }
    }

    /// The number spelled in words at the start of `text`, for the first of `locales` ICU knows.
    func parseNumber(prefixOf text: Substring, locales: [String]) -> (value: Int, end: String.Index)? {
        for locale in locales {
            // One look-up for a parser met before (the usual case).
            let parser: SpelloutParser?
            if let known = spellout[locale] {
                parser = known
            } else {
                parser = try? SpelloutParser(locale: locale)
                spellout[locale] = .some(parser)
            }
            if let parser, let r = parser.parsePrefix(of: text) { return r }
        }
        return nil
    }
}
