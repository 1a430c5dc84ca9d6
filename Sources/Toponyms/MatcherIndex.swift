import GazetteModel

/// The lookup tables of a ``Matcher``, built once from a ``Gazetteer``: folded keys, article-optional keys,
/// skeletons, qualifier-free skeletons and skeleton bigrams → places, plus the names and codes of admin units for
/// reading contexts. Immutable and `Sendable`: build it once and give each worker thread its own ``Matcher``.
public struct MatcherIndex: Sendable {
    /// The gazetteer the index was built from.
    public let gazetteer: Gazetteer
    struct Entry: Sendable {
        var place: Int32
        var skeleton: [UInt8]
        var letters: [UInt32]
        var isArabic: Bool
    }

    /// One entry per distinct (skeleton, name) of a place: what the fuzzy layer scores.
    let entries: [Entry]
    let exactIndex: [String: [Int32]]
    let bareIndex: [String: [Int32]]
    let skeletonIndex: [String: [Int32]]
    /// Skeletons of names without their qualifiers ("Upper Baguz" → BGZ) → places.
    let coreIndex: [String: [Int32]]
    /// Skeleton bigram → entries, for fuzzy candidates.
    let bigramIndex: [UInt16: [Int32]]
    let regionKeys: [String: String]
    let regionSkeletons: [String: String]
    /// Compact keys of admin unit names and codes → admin units, for contexts.
    let contextIndex: [String: [Int32]]
    /// Number of alternate names per place: how well other gazetteers know it, to order ambiguous candidates.
    let prominence: [Int]
    /// What the layers compare of a name of a place: a slice of its ``NameKey``, so that the index does not keep
    /// every token and folded form of every name (a third of its memory on a large gazetteer).
    struct NameForm: Sendable {
        var isArabic: Bool
        var letters: [UInt32]
        var skeletons: [String]
        var qualifiers: [String]

        init(_ key: NameKey) {
            isArabic = key.isArabic
            letters = key.letters
            skeletons = key.skeletons
            qualifiers = key.qualifiers
        }
    }

    /// The forms of every name of every place, in place order.
    let names: [[NameForm]]
    /// Per place: its id, its kind, and the ids of the admin units it lies in (itself included), for the cheap
    /// containment tests of deciding and of contexts.
    let ids: [String]
    let kinds: [Place.Kind]
    let within: [[String]]

    /// Indexes every name of every place of `gazetteer`.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        // No memo of keys per name: on a large gazetteer most names are distinct, and the table cost more time
        // (hashing and growing) and memory than the keys it saved.
        func key(_ name: String) -> NameKey { NameKey(name) }
        var entries: [Entry] = []
        // Places are visited in order, so a posting list stays sorted and free of repeats by appending a place only
        // when it is not already last: no set per key, no sort afterwards.
        var seenExact: [String: [Int32]] = [:]
        var seenBare: [String: [Int32]] = [:]
        var seenSkeleton: [String: [Int32]] = [:]
        var seenCore: [String: [Int32]] = [:]
        func post(_ table: inout [String: [Int32]], _ key: String, _ p: Int32) {
            table[key, default: []].appendIfNotLast(p)
        }
        var seenEntry: Set<String> = []
        var contextIndex: [String: [Int32]] = [:]
        var names: [[NameForm]] = []
        names.reserveCapacity(gazetteer.places.count)
        for (i, place) in gazetteer.places.enumerated() {
            let p = Int32(i)
            seenEntry.removeAll(keepingCapacity: true)
            var keys: [NameKey] = []
            for name in place.allNames where !name.isEmpty {
                let key = key(name)
                if key.compact.isEmpty { continue }
                keys.append(key)
                post(&seenExact, key.compact, p)
                post(&seenBare, key.bare, p)
                for s in key.coreSkeletons where s.utf8.count >= 2 { post(&seenCore, s, p) }
                for s in key.skeletons where !s.isEmpty {
                    post(&seenSkeleton, s, p)
                    if seenEntry.insert(s + "\u{1}" + key.bare).inserted {
                        entries.append(Entry(place: p, skeleton: Array(s.utf8), letters: key.letters, isArabic: key.isArabic))
                    }
                }
            }
            names.append(keys.map(NameForm.init))
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
        var bigramIndex: [UInt16: [Int32]] = [:]
        for (e, entry) in entries.enumerated() {
            for bigram in Self.bigrams(entry.skeleton) {
                bigramIndex[bigram, default: []].append(Int32(e))
            }
        }
        var regionKeys: [String: String] = [:]
        var regionSkeletons: [String: String] = [:]
        for region in gazetteer.regions {
            for name in region.allNames where !name.isEmpty {
                let key = key(name)
                regionKeys[key.compact] = region.id
                regionKeys[key.bare] = region.id
                for s in key.skeletons where s.utf8.count >= 3 { regionSkeletons[s] = region.id }
            }
        }
        self.entries = entries
        exactIndex = seenExact
        bareIndex = seenBare
        skeletonIndex = seenSkeleton
        coreIndex = seenCore
        self.bigramIndex = bigramIndex
        self.regionKeys = regionKeys
        self.regionSkeletons = regionSkeletons
        self.contextIndex = contextIndex
        prominence = gazetteer.places.map(\.alternateNames.count)
        self.names = names
        ids = gazetteer.places.map(\.id)
        kinds = gazetteer.places.map(\.kind)
        within = gazetteer.places.map { place in
            var units = [place.id]
            for unit in [place.admin1, place.admin2, place.admin3] {
                if let id = unit?.id, !id.isEmpty, !units.contains(id) { units.append(id) }
            }
            return units
        }
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
