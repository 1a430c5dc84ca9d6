import ICUKit
import Testing

@Suite struct SpoofCheckerTests {
    let checker: SpoofChecker

    init() throws { checker = try SpoofChecker() }

    @Test func mixedScriptLookalikesAreConfusable() throws {
        // "Idlib" with a Cyrillic І (U+0406) and а (U+0430): the kind of name pasted from a Russian source.
        #expect(try checker.areConfusable("Idlib", "\u{406}dlib"))
        #expect(try checker.areConfusable("Hama", "Ham\u{430}"))
        #expect(try checker.skeleton("Ham\u{430}") == checker.skeleton("Hama"))
    }

    @Test func differentNamesAreNot() throws {
        #expect(try !checker.areConfusable("Hama", "Homs"))
        #expect(try checker.skeleton("Hama") != checker.skeleton("Homs"))
    }

    @Test func skeletonOfArabicAndEmpty() throws {
        #expect(try checker.skeleton("") == "")
        #expect(try !checker.skeleton("حلب").isEmpty)
        // Latin "l" and digit "1" share a skeleton.
        #expect(try checker.skeleton("Al1eppo") == checker.skeleton("Alleppo"))
    }
}
