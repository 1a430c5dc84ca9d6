import ICUKit
import Testing

/// The `@unchecked Sendable` handles are shared across tasks: the answers must not depend on who else is using them.
@Suite struct SharedHandlesTests {
    @Test func sharedReturnsOneInstancePerConfiguration() throws {
        #expect(try Collator.shared(locale: "fr") === Collator.shared(locale: "fr"))
        #expect(try Collator.shared(locale: "fr") !== Collator.shared(locale: "fr", strength: .primary))
        #expect(try PluralRules.shared(locale: "ar") === PluralRules.shared(locale: "ar"))
        #expect(try NumberFormatter.shared(locale: "ar") === NumberFormatter.shared(locale: "ar"))
        #expect(try SpoofChecker.shared() === SpoofChecker.shared())
    }

    @Test func concurrentUseGivesTheSameAnswersAsSequentialUse() async throws {
        let collator = try Collator.shared(locale: "ar")
        let plural = try PluralRules.shared(locale: "ar")
        let number = try NumberFormatter.shared(locale: "ar")
        let spoof = try SpoofChecker.shared()
        let names = ["حلب", "إدلب", "معرة النعمان", "Alep", "Idlib", "دمشق", "كفرنبل", "سراقب"]
        let expectedOrder = collator.sorted(names)
        let expectedKeys = names.map { collator.sortKey($0) }
        let expectedSkeletons = try names.map { try spoof.skeleton($0) }

        let failures = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var failures = 0
                    for round in 0..<200 {
                        let n = worker * 200 + round
                        if collator.sorted(names.shuffled()) != expectedOrder { failures += 1 }
                        if names.map({ collator.sortKey($0) }) != expectedKeys { failures += 1 }
                        if (try? names.map { try spoof.skeleton($0) }) != expectedSkeletons { failures += 1 }
                        if plural.category(for: 11) != "many" { failures += 1 }
                        if number.format(n) != NumberFormatterTests.arabicDigits(n) { failures += 1 }
                        if (try? Normalizer.nfkcCasefold.normalize("İdlib \(n)")) != "i\u{307}dlib \(n)" {
                            failures += 1
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test func oneTransliteratorPerWorker() async throws {
        // Transliterator is not Sendable: each task opens its own (from a Sendable id) and the results agree.
        let id = "Any-Latin; Latin-ASCII; Lower"
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    guard let t = try? Transliterator(id: id) else { return nil }
                    return try? t.transliterate("Şanlıurfa Köln Ηράκλειο")
                }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(Set(results) == ["sanliurfa koln erakleio"])
    }
}

extension NumberFormatterTests {
    /// Arabic-Indic digits, grouped by thousands with the Arabic thousands separator (U+066C).
    static func arabicDigits(_ n: Int) -> String {
        let digits = Array("٠١٢٣٤٥٦٧٨٩")
        let plain = String(n).map { digits[Int(String($0))!] }
        var grouped: [Character] = []
        for (i, digit) in plain.enumerated() {
            if i > 0 && (plain.count - i) % 3 == 0 { grouped.append("\u{66C}") }
            grouped.append(digit)
        }
        return String(grouped)
    }
}
