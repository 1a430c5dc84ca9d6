import Foundation
import GazetteModel

/// Values kept by the bytes of a word as written, hashed and compared on those bytes where they lie: looking a
/// word up makes no `String` of it and runs no SipHash, which is most of what a `[ByteKey: Value]` look-up
/// costs the tokenizer, which asks about every word of every text.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full. Not `Sendable`: one
/// per worker.
struct WrittenWords<Value> {
    /// Entry number + 1 per slot; 0 is an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// Where each entry's bytes start in `bytes` (one more than there are entries: the end of the last).
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    /// FNV-1a over the bytes, then a multiply and shift so that the low bits the slot is taken from depend on
    /// every byte.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return (h ^ (h >> 29)) &* 0xbf58_476d_1ce4_e5b9
    }

    /// The value kept for exactly these bytes.
    func value(for word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            let e = s - 1
            if hashes[e] == hash, starts[e + 1] - starts[e] == word.count, sameBytes(e, word) { return values[e] }
            i = (i + 1) & mask
        }
    }

    private func sameBytes(_ e: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress, word.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + starts[e], base, word.count) == 0 }
    }

    /// Keeps `value` for these bytes, which must not be kept already.
    mutating func insert(_ value: Value, for word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        values.append(value)
        if values.count * 2 > slots.count {
            // Twice the slots, every entry placed again.
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for e in values.indices { place(e) }
        } else {
            place(values.count - 1)
        }
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hashes[e] >> 7) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(e + 1)
    }
}
