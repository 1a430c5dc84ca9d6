import GazetteModel
import Testing
@testable import Toponyms

@Suite struct ByteKeyTests {
    @Test func equalBytesAreOneKey() {
        // Short (inline) and long (heap) strings, Latin and Arabic.
        let names = ["idlib", "معرة النعمان", "maarat al-numan and the villages around it", "", "خان شيخون"]
        var table: [ByteKey: Int] = [:]
        for (i, name) in names.enumerated() { table[ByteKey(text: name)] = i }
        for (i, name) in names.enumerated() {
            // A copy built another way, so that the two strings share no storage.
            let copy = String(decoding: Array(name.utf8), as: UTF8.self)
            #expect(table[ByteKey(text: copy)] == i)
        }
        #expect(table.count == names.count)
        #expect(table[ByteKey(text: "idli")] == nil)
        #expect(table[ByteKey(text: "idlib ")] == nil)
    }

    /// Unlike `String`, the key does not equate canonically equivalent spellings: the keys NameKey makes are
    /// NFKC case-folded, so they never differ that way.
    @Test func canonicalEquivalentsAreDifferentKeysButNameKeyFoldsThemAlike() {
        let composed = "Alep\u{E9}"  // é as one scalar
        let decomposed = "Alepe\u{301}"  // e and a combining acute
        #expect(composed == decomposed)
        #expect(ByteKey(text: composed) != ByteKey(text: decomposed))
        #expect(ByteKey(text: NameKey(composed).compact) == ByteKey(text: NameKey(decomposed).compact))
        #expect(ByteKey(text: NameKey("أريحا").compact) == ByteKey(text: NameKey("ا\u{654}ريحا").compact))
    }
}
