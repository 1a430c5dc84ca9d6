import Testing
@testable import Toponyms

@Suite struct ByteKeyTests {
    @Test func equalBytesAreOneKey() {
        // Short (inline) and long (heap) strings, Latin and Arabic.
        let names = ["idlib", "معرة النعمان", "maarat al-numan and the villages around it", "", "خان شيخون"]
        var table: [ByteKey: Int] = [:]
        for (i, name) in names.enumerated() { table[ByteKey(name)] = i }
        for (i, name) in names.enumerated() {
            // A copy built another way, so that the two strings share no storage.
            let copy = String(decoding: Array(name.utf8), as: UTF8.self)
            #expect(table[ByteKey(copy)] == i)
        }
        #expect(table.count == names.count)
        #expect(table[ByteKey("idli")] == nil)
        #expect(table[ByteKey("idlib ")] == nil)
    }

    /// Unlike `String`, the key does not equate canonically equivalent spellings: the keys NameKey makes are
    /// NFKC case-folded, so they never differ that way.
    @Test func canonicalEquivalentsAreDifferentKeysButNameKeyFoldsThemAlike() {
        let composed = "Alep\u{E9}"  // é as one scalar
        let decomposed = "Alepe\u{301}"  // e and a combining acute
        #expect(composed == decomposed)
        #expect(ByteKey(composed) != ByteKey(decomposed))
        #expect(ByteKey(NameKey(composed).compact) == ByteKey(NameKey(decomposed).compact))
        #expect(ByteKey(NameKey("أريحا").compact) == ByteKey(NameKey("ا\u{654}ريحا").compact))
    }
}
