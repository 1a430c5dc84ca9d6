import Dispatch
import GazetteModel

/// The lookup tables of a ``Matcher``, built once from a ``Gazetteer``: folded keys, article-optional keys,
/// skeletons, qualifier-free skeletons and skeleton bigrams → places, plus the names and codes of admin units for
/// reading contexts. Immutable and `Sendable`: build it once and give each worker thread its own ``Matcher``.
///
/// The tables that the costly layers read are over *distinct* keys, not over places: every distinct form of a name
/// (script, letters, skeletons, qualifiers) is stored once however many places carry it, and every distinct
/// skeleton once with the places and forms that have it. The skeleton bigram index lists distinct skeletons, and a
/// ``Matcher`` scores each distinct skeleton and each distinct form at most once per query, then fans the result
/// out to the places. So the work per name follows the number of distinct similar spellings in the gazetteer,
/// not the number of places that share them.
public struct MatcherIndex: Sendable {
    /// The gazetteer the index was built from.
    public let gazetteer: Gazetteer

    /// A distinct form of a name: what the layers compare of it, a slice of its ``NameKey`` (the index does not
    /// keep every token and folded form of every name, a third of its memory on a large gazetteer). Its letters
    /// live in a flat array of the index, so that reading a form retains nothing.
    struct Form: Sendable {
        var isArabic: Bool
        /// Range of ``MatcherIndex/letters``.
        var letterStart: Int32
        var letterEnd: Int32
        /// Index in ``MatcherIndex/qualifierSets``.
        var qualifiers: Int32
    }

    /// Script bits of a posting of ``skeletonPlaces``: the place has a name of the skeleton in Latin, in Arabic.
    static let latinBit: Int32 = 1
    static let arabicBit: Int32 = 2

    /// One (skeleton, name) of a place, what the fuzzy layer scores; listed under its skeleton. `ordinal` numbers
    /// the entries in place order, the order in which candidates of equal promise are weighed.
    struct Entry: Sendable {
        var place: Int32
        var form: Int32
        var ordinal: Int32
    }

    /// Every distinct form of a name, in order of first appearance.
    let forms: [Form]
    let letters: [UInt32]
    /// Distinct sorted qualifier lists; index 0 is the empty list.
    let qualifierSets: [[String]]
    /// The distinct name sets: the forms of all the names of a place, in the order of its names. Places with the
    /// same names share a set, and a query weighs the set once for all of them. Set `n` is stored at
    /// `nameSetOffset[n]` in `nameSetData` as one run, so that reading it touches one place in memory: `n` when
    /// several places share the set (the memo slot of a query), else -1; the number of forms; then each form as
    /// `form << 1 | 1` when the name is in Arabic script, `form << 1` otherwise, so that choosing the names in the
    /// query's script does not read the forms.
    let nameSetData: [Int32]
    let nameSetOffset: [Int32]
    /// The name set of each place.
    let nameSets: [Int32]

    /// Every distinct skeleton of a name (the empty one included) → its id.
    let skeletonIDs: [String: Int32]
    /// Skeleton symbols of each id: `skeletonBytes[skeletonByteStart[s]..<skeletonByteStart[s + 1]]`.
    let skeletonBytes: [UInt8]
    let skeletonByteStart: [Int32]
    /// Places with a name of each skeleton, sorted: `skeletonPlaces[skeletonPlaceStart[s]..<...[s + 1]]`, each
    /// as `place << 2 | script bits` (``latinBit``, ``arabicBit``: the scripts of its names with the skeleton).
    let skeletonPlaces: [Int32]
    let skeletonPlaceStart: [Int32]
    /// Where the name set (``nameSets``) of each posting of ``skeletonPlaces`` is in ``nameSetData``: read
    /// alongside the posting rather than looked up per place.
    let skeletonPlaceSets: [Int32]
    /// Fuzzy entries of each skeleton, in place order: `entries[entryStart[s]..<entryStart[s + 1]]`.
    let entries: [Entry]
    let entryStart: [Int32]
    /// The distinct non-empty skeletons that have a bigram, and how many fuzzy entries they stand for (what
    /// tells a rare bigram from a common one).
    struct Postings: Sendable {
        var skeletons: [Int32] = []
        var entries = 0
    }

    /// Skeleton bigram → postings, for fuzzy candidates.
    let bigramIndex: [UInt16: Postings]

    let exactIndex: [ByteKey: [Int32]]
    let bareIndex: [ByteKey: [Int32]]
    /// Skeletons of names without their qualifiers ("Upper Baguz" → BGZ) → places.
    let coreIndex: [String: [Int32]]
    let regionKeys: [ByteKey: String]
    let regionSkeletons: [String: String]
    /// Compact keys of admin unit names and codes → admin units, for contexts.
    let contextIndex: [String: [Int32]]
    /// Number of alternate names per place: how well other gazetteers know it, to order ambiguous candidates.
    let prominence: [Int]
    /// Per place: its id, its kind, and the ids of the admin units it lies in (itself included), for the cheap
    /// containment tests of deciding and of contexts.
    let ids: [String]
    let kinds: [Place.Kind]
    let within: [[String]]
    /// Per place: the rank of its id in sorted order (equal ids, equal ranks), and the ranks of the ids of
    /// `within`, so that ordering and grouping candidates compare integers, not strings.
    let idRank: [Int32]
    let withinRanks: [[Int32]]

    /// Indexes every name of every place of `gazetteer`.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        // No memo of keys per name: on a large gazetteer most names are distinct, and the table cost more time
        // (hashing and growing) and memory than the keys it saved.
        func key(_ name: String) -> NameKey { NameKey(name) }
        // Places are visited in order, so a posting list stays sorted and free of repeats by appending a place only
        // when it is not already last: no set per key, no sort afterwards.
        var seenExact: [ByteKey: [Int32]] = [:]
        var seenBare: [ByteKey: [Int32]] = [:]
        var seenCore: [String: [Int32]] = [:]
        func post<Key: Hashable>(_ table: inout [Key: [Int32]], _ key: Key, _ p: Int32) {
            table[key, default: []].appendIfNotLast(p)
        }
        var forms: [Form] = []
        var letters: [UInt32] = []
        var qualifierSets: [[String]] = [[]]
        var qualifierIDs: [[String]: Int32] = [[]: 0]
        var formIDs: [ByteKey: Int32] = [:]
        var nameSetData: [Int32] = []
        var nameSetOffset: [Int32] = []
        var nameSets: [Int32] = []
        nameSets.reserveCapacity(gazetteer.places.count)
        // Name sets by a hash of their forms (an array per key would cost more memory than the sets save); a
        // collision only makes a set that is not shared.
        var nameSetByHash: [Int: Int32] = [:]
        var placeForms: [Int32] = []
        var skeletonIDs: [String: Int32] = [:]
        var skeletonBytes: [UInt8] = []
        var skeletonByteStart: [Int32] = [0]
        // (skeleton, place and script bits) and (skeleton, entry) pairs in place order, grouped by skeleton once
        // all are known.
        var skeletonPairs: [(Int32, Int32)] = []
        var entryPairs: [(Int32, Entry)] = []
        func skeletonID(_ s: String) -> Int32 {
            if let id = skeletonIDs[s] { return id }
            let id = Int32(skeletonIDs.count)
            skeletonIDs[s] = id
            skeletonBytes.append(contentsOf: s.utf8)
            skeletonByteStart.append(Int32(skeletonBytes.count))
            return id
        }
        func formID(_ key: NameKey) -> Int32 {
            let identity = (key.isArabic ? "1\u{1}" : "0\u{1}") + key.bare + "\u{1}"
                + key.skeletons.joined(separator: "\u{2}") + "\u{1}" + key.qualifiers.joined(separator: "\u{2}")
            if let id = formIDs[ByteKey(text: identity)] { return id }
            let id = Int32(forms.count)
            formIDs[ByteKey(text: identity)] = id
            var qualifiers = Int32(0)
            if !key.qualifiers.isEmpty {
                if let q = qualifierIDs[key.qualifiers] {
                    qualifiers = q
                } else {
                    qualifiers = Int32(qualifierSets.count)
                    qualifierIDs[key.qualifiers] = qualifiers
                    qualifierSets.append(key.qualifiers)
                }
            }
            let letterStart = Int32(letters.count)
            letters.append(contentsOf: key.letters)
            forms.append(Form(
                isArabic: key.isArabic, letterStart: letterStart, letterEnd: Int32(letters.count),
                qualifiers: qualifiers))
            return id
        }
        var ordinal = Int32(0)
        var seenEntry: Set<ByteKey> = []
        var contextIndex: [String: [Int32]] = [:]
        // The keys of one place's names, kept from place to place: a few keys already fill a kilobyte, and
        // allocating that much for every place made the allocator sweep its free lists each time.
        var keys: [NameKey] = []
        // Making the keys is most of the work, and each name's keys are its own: they are made on every core, a
        // block of places at a time (a block's keys take a few megabytes; all of a large gazetteer's would not
        // fit the memory the matcher is allowed), and put in the tables in place order here.
        var block = KeyBlock()
        for (i, place) in gazetteer.places.enumerated() {
            let p = Int32(i)
            if !block.covers(i) { block = KeyBlock(gazetteer.places, from: i) }
            seenEntry.removeAll(keepingCapacity: true)
            placeForms.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            for key in block.keys(of: i) {
                keys.append(key)
                let form = formID(key)
                placeForms.append(form << 1 | (key.isArabic ? 1 : 0))
                let script = key.isArabic ? Self.arabicBit : Self.latinBit
                post(&seenExact, ByteKey(text: key.compact), p)
                post(&seenBare, ByteKey(text: key.bare), p)
                for s in key.coreSkeletons where s.utf8.count >= 2 { post(&seenCore, s, p) }
                for s in key.skeletons {
                    let sid = skeletonID(s)
                    // Every skeleton, the empty one too, tells whether the query shares a skeleton in its script.
                    skeletonPairs.append((sid, p << 2 | script))
                    if s.isEmpty { continue }
                    if seenEntry.insert(ByteKey(text: s + "\u{1}" + key.bare)).inserted {
                        entryPairs.append((sid, Entry(place: p, form: form, ordinal: ordinal)))
                        ordinal += 1
                    }
                }
            }
            let hash = placeForms.hashValue
            if let set = nameSetByHash[hash], Self.forms(ofSetAt: nameSetOffset[Int(set)], nameSetData)
                .elementsEqual(placeForms) {
                nameSets.append(set)
                nameSetData[Int(nameSetOffset[Int(set)])] = set
            } else {
                let set = Int32(nameSetOffset.count)
                nameSetByHash[hash] = set
                nameSets.append(set)
                nameSetOffset.append(Int32(nameSetData.count))
                nameSetData.append(-1)
                nameSetData.append(Int32(placeForms.count))
                nameSetData.append(contentsOf: placeForms)
            }
            if place.kind == .governorate || place.kind == .district {
                // A unit's own names, and alternates that say they name a unit ("Maarrat al-Nu'man District",
                // "منطقة معرة النعمان"); not the neighbourhood names some units carry, which would narrow by accident.
                var unitKeys: Set<String> = [place.id.lowercased()]
                for (n, key) in keys.enumerated() where n < 2 || place.kind == .governorate || key.kindHint != nil {
                    unitKeys.insert(key.compact)
                    unitKeys.insert(key.bare)
                }
                // Short unit names that are common words ("Tall" = hill, "Bab" = gate) would narrow by accident.
                for k in unitKeys.sorted()
                where place.kind == .governorate || (k.unicodeScalars.count >= 4 && !Self.commonWords.contains(k)) {
                    contextIndex[k, default: []].append(p)
                }
            }
        }
        formIDs = [:]
        let skeletonCount = skeletonIDs.count
        // Group by skeleton with a counting sort, which keeps place order within each skeleton; `merge` folds a
        // value into the one before it when they are of the same place (each place's pairs are adjacent).
        func group<T>(_ pairs: [(Int32, T)], merge: (inout T, T) -> Bool) -> ([T], [Int32]) {
            var start = [Int32](repeating: 0, count: skeletonCount + 1)
            for (s, _) in pairs { start[Int(s) + 1] += 1 }
            for s in 0..<skeletonCount { start[s + 1] += start[s] }
            var next = start
            var out = [T?](repeating: nil, count: pairs.count)
            for (s, value) in pairs {
                out[Int(next[Int(s)])] = value
                next[Int(s)] += 1
            }
            // Drop repeats of a place under one skeleton (names of a place that share a skeleton).
            var compact: [T] = []
            compact.reserveCapacity(out.count)
            var compactStart = [Int32](repeating: 0, count: skeletonCount + 1)
            for s in 0..<skeletonCount {
                let first = compact.count
                for k in Int(start[s])..<Int(start[s + 1]) {
                    let value = out[k]!
                    if compact.count > first, merge(&compact[compact.count - 1], value) { continue }
                    compact.append(value)
                }
                compactStart[s + 1] = Int32(compact.count)
            }
            return (compact, compactStart)
        }
        let (skeletonPlaces, skeletonPlaceStart) = group(skeletonPairs) { last, next in
            guard last >> 2 == next >> 2 else { return false }
            last |= next
            return true
        }
        skeletonPairs = []
        let (entries, entryStart) = group(entryPairs) { _, _ in false }
        entryPairs = []
        var bigramIndex: [UInt16: Postings] = [:]
        for s in 0..<skeletonCount where entryStart[s + 1] > entryStart[s] {
            let bytes = Array(skeletonBytes[Int(skeletonByteStart[s])..<Int(skeletonByteStart[s + 1])])
            for bigram in Self.bigrams(bytes) {
                bigramIndex[bigram, default: Postings()].skeletons.append(Int32(s))
                bigramIndex[bigram, default: Postings()].entries += Int(entryStart[s + 1] - entryStart[s])
            }
        }
        var regionKeys: [ByteKey: String] = [:]
        var regionSkeletons: [String: String] = [:]
        for region in gazetteer.regions {
            for name in region.allNames where !name.isEmpty {
                let key = key(name)
                regionKeys[ByteKey(text: key.compact)] = region.id
                regionKeys[ByteKey(text: key.bare)] = region.id
                for s in key.skeletons where s.utf8.count >= 3 { regionSkeletons[s] = region.id }
            }
        }
        self.forms = forms
        self.letters = letters
        self.qualifierSets = qualifierSets
        self.nameSetData = nameSetData
        self.nameSetOffset = nameSetOffset
        self.nameSets = nameSets
        self.skeletonIDs = skeletonIDs
        self.skeletonBytes = skeletonBytes
        self.skeletonByteStart = skeletonByteStart
        self.skeletonPlaces = skeletonPlaces
        self.skeletonPlaceStart = skeletonPlaceStart
        skeletonPlaceSets = skeletonPlaces.map { nameSetOffset[Int(nameSets[Int($0 >> 2)])] }
        self.entries = entries
        self.entryStart = entryStart
        self.bigramIndex = bigramIndex
        exactIndex = seenExact
        bareIndex = seenBare
        coreIndex = seenCore
        self.regionKeys = regionKeys
        self.regionSkeletons = regionSkeletons
        self.contextIndex = contextIndex
        prominence = gazetteer.places.map(\.alternateNames.count)
        let ids = gazetteer.places.map(\.id)
        self.ids = ids
        kinds = gazetteer.places.map(\.kind)
        let within = gazetteer.places.map { place in
            var units = [place.id]
            for unit in [place.admin1, place.admin2, place.admin3] {
                if let id = unit?.id, !id.isEmpty, !units.contains(id) { units.append(id) }
            }
            return units
        }
        self.within = within
        var rankOf: [String: Int32] = [:]
        for (rank, id) in Set(ids).sorted().enumerated() { rankOf[id] = Int32(rank) }
        idRank = ids.map { rankOf[$0]! }
        // A unit id that names no place cannot equal a place's id: it has no rank.
        withinRanks = within.map { $0.compactMap { rankOf[$0] } }
    }

    /// Where the places that have a name with skeleton `id` are in ``skeletonPlaces``.
    @inline(__always)
    func placeRange(skeleton id: Int32) -> Range<Int> {
        Int(skeletonPlaceStart[Int(id)])..<Int(skeletonPlaceStart[Int(id) + 1])
    }

    /// Places that have a name with skeleton `s`, sorted; empty when no name has it.
    func places(skeleton s: String) -> [Int32] {
        guard let id = skeletonIDs[s] else { return [] }
        return skeletonPlaces[placeRange(skeleton: id)].map { $0 >> 2 }
    }

    /// The symbols of skeleton `id`, as text.
    func skeletonText(_ id: Int32) -> String {
        String(decoding: skeletonBytes[Int(skeletonByteStart[Int(id)])..<Int(skeletonByteStart[Int(id) + 1])],
            as: UTF8.self)
    }

    /// The forms (with their script bit) of the name set stored at `offset` of `data`.
    static func forms(ofSetAt offset: Int32, _ data: [Int32]) -> ArraySlice<Int32> {
        let first = Int(offset) + 2
        return data[first..<(first + Int(data[Int(offset) + 1]))]
    }

    /// Forms of the names of `place`.
    func forms(of place: Int32) -> [Int32] {
        Self.forms(ofSetAt: nameSetOffset[Int(nameSets[Int(place)])], nameSetData).map { $0 >> 1 }
    }

    /// District names that are also everyday words of the languages contexts are written in.
    static let commonWords: Set<String> = ["tall", "tell", "bab", "nabk"]

    static func bigrams(_ s: [UInt8]) -> [UInt16] {
        var padded: [UInt8] = [UInt8(ascii: "^")]
        padded.append(contentsOf: s)
        padded.append(UInt8(ascii: "$"))
        var out: [UInt16] = []
        for i in 0..<(padded.count - 1) {
            let b = UInt16(padded[i]) << 8 | UInt16(padded[i + 1])
            if !out.contains(b) { out.append(b) }
        }
        return out
    }
}

extension Array where Element == Int32 {
    /// Appends `p` unless it is already the last element: a posting list built in place order stays sorted and
    /// without repeats.
    mutating func appendIfNotLast(_ p: Int32) {
        if last != p { append(p) }
    }
}

/// The keys of the names of a block of consecutive places, made on every core (see ``MatcherIndex/init(gazetteer:)``).
/// Names with an empty key are left out.
private struct KeyBlock {
    static let size = 4096
    private let start: Int
    private let end: Int
    /// Consecutive parts of the block: the offset of the first place, the keys of its places one after the other,
    /// and where each place's keys end.
    private var parts: [(first: Int, keys: [NameKey], ends: [Int])] = []

    /// An empty block, covering no place.
    init() {
        start = 0
        end = 0
    }

    /// The keys of `places[first..<first + size]` (fewer at the end).
    init(_ places: [Place], from first: Int) {
        start = first
        end = min(places.count, first + Self.size)
        let count = end - start
        // More parts than cores, so that a core that finishes early takes another.
        let partCount = max(1, min(8, count / 64))
        var parts = [(first: Int, keys: [NameKey], ends: [Int])](repeating: (0, [], []), count: partCount)
        let start = self.start
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: partCount) { part in
                let first = count * part / partCount
                var keys: [NameKey] = []
                var ends: [Int] = []
                for i in (start + first)..<(start + count * (part + 1) / partCount) {
                    for name in places[i].allNames where !name.isEmpty {
                        let key = NameKey(name)
                        if !key.compact.isEmpty { keys.append(key) }
                    }
                    ends.append(keys.count)
                }
                out[part] = (first, keys, ends)
            }
        }
        self.parts = parts
    }

    func covers(_ place: Int) -> Bool { place >= start && place < end }

    /// The keys of place `place`, which the block covers.
    func keys(of place: Int) -> ArraySlice<NameKey> {
        let offset = place - start
        let part = parts[parts.lastIndex { $0.first <= offset }!]
        let index = offset - part.first
        return part.keys[(index == 0 ? 0 : part.ends[index - 1])..<part.ends[index]]
    }
}
