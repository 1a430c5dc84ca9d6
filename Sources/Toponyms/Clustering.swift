public import GazetteModel

/// Groups the distinct spellings of a column into clusters of the same place, across scripts and whether or not
/// the place is in the gazetteer: what OpenRefine's "cluster and edit" does, but for Arabic names written in
/// Arabic, English, French, German or Turkish.
///
/// ```swift
/// let clusters = SpellingClusterer().cluster(
///     values: ["Khan Sheikhoun", "خان شيخون", "Khan Cheikhoun", "Han Şeyhun", "Saraqib", "سراقب"],
///     matcher: Matcher(gazetteer: gazetteer))
/// clusters[0].canonical   // "Khan Shaykun" (the gazetteer's English name)
/// clusters[0].placeID     // "C3987"
/// clusters[1].members.map(\.spelling)   // ["Saraqib", "سراقب"]
/// ```
///
/// Layers, strongest first:
/// 1. spellings the matcher resolves (`matched`, or decided in ``Decisions``) to the same place join, and
///    spellings resolved to different places never join, whatever their spelling;
/// 2. spellings with the same folded key (``NameKey/compact``), or the same key with the article optional
///    (``NameKey/bare``), join;
/// 3. spellings whose cross-script consonant skeletons (``NameKey/skeletons``) agree, or differ by one cheap
///    substitution of the equivalence classes (s/sh, k/q/g, d/t) or a silent h, join when second checks agree:
///    within one script the letters (vowels count half, a/e and o/u are close, a/u are not); across scripts the
///    long vowels (every ا و ي of the Arabic spelling needs a vowel of that quality in the Latin one); always the
///    ending of the last word ("Hazan" is not "Hazani" nor "Hazana") and the nisba ending ("Suwaidia" is not
///    "Suweida"). Short skeletons need closer letters: two or three consonants say little.
///
/// Links are taken strongest first, and two groups join only when at least half of the pairs between their most
/// frequent spellings link too (a group resolved to a place is compared through the spelling the link reaches):
/// single links would chain look-alikes ("Amra" – "Hamra" – "Ammar") into one group.
///
/// Candidate pairs come from blocking keys (each skeleton and its one-deletion neighbours; large buckets compare
/// neighbours in sorted order only), never from all pairs: 100,000 distinct spellings take about 4 s of CPU and
/// 170 MB without the matcher (6 s, 250 MB with it, release build).
///
/// Measured (`ClusteringTests`): on the spellings of `variants-dev.tsv`, pair precision 0.98 and recall 0.87;
/// on the 14,700 names of the gazetteer's communities without the gazetteer (thousands of look-alike villages),
/// precision 0.71 and recall 0.49 (exonyms and translations such as "Little Orm" cannot be found by spelling).
public struct SpellingClusterer: Sendable {
    /// Creates a clusterer.
    public init() {}

    /// Counts the distinct spellings of `values`: surrounding white space is trimmed and empty cells skipped.
    public static func counts(of values: some Sequence<String>) -> [String: Int] {
        var counts: [String: Int] = [:]
        for value in values {
            let spelling = trimmed(value)
            if !spelling.isEmpty { counts[spelling, default: 0] += 1 }
        }
        return counts
    }

    /// Clusters the cells of a column (see ``counts(of:)``).
    public func cluster(
        values: some Sequence<String>, matcher: Matcher? = nil, decisions: Decisions = Decisions()
    ) -> [SpellingCluster] {
        cluster(Self.counts(of: values), matcher: matcher, decisions: decisions)
    }

    /// Clusters distinct spellings with their counts.
    ///
    /// - Parameters:
    ///   - matcher: resolves spellings to gazetteer places (layer 1) and names the cluster after its place;
    ///     without it, spellings are clustered by their form alone.
    ///   - decisions: a person's decisions, replayed before the matcher (a `none` leaves the spelling unplaced).
    /// - Returns: clusters by total count, largest first (then by canonical spelling), numbered from 1; members
    ///   by count, then spelling.
    public func cluster(
        _ counts: [String: Int], matcher: Matcher? = nil, decisions: Decisions = Decisions()
    ) -> [SpellingCluster] {
        let spellings = counts.keys.sorted()
        var forms: [Form] = []
        forms.reserveCapacity(spellings.count)
        for spelling in spellings {
            let key = matcher?.key(spelling) ?? NameKey(spelling)
            var place: String?
            if let matcher {
                let match = decisions.decide(spelling, matcher: matcher) ?? matcher.match(spelling)
                if match.status == .matched { place = match.candidates.first?.place.id }
            }
            forms.append(Form(spelling: spelling, count: counts[spelling] ?? 0, key: key, place: place))
        }
        var partition = Partition(places: forms.map(\.place), counts: forms.map(\.count))

        // Layers 1 and 2: identity of place or of folded key.
        var firstByPlace: [String: Int] = [:]
        var firstByKey: [String: Int] = [:]
        for (i, form) in forms.enumerated() {
            if let place = form.place {
                if let other = firstByPlace[place] { partition.union(i, other) } else { firstByPlace[place] = i }
            }
            for key in form.identityKeys {
                if let other = firstByKey[key] { partition.union(i, other) } else { firstByKey[key] = i }
            }
        }

        // Layer 3: candidate pairs from blocking keys, scored, and joined strongest first.
        var edges: [(Double, Int32, Int32)] = []
        Blocking.forEachCandidatePair(forms) { a, b in
            if let strength = Self.affinity(forms[Int(a)], forms[Int(b)]) { edges.append((strength, a, b)) }
        }
        edges.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2) }
        for (_, a, b) in edges {
            let x = partition.find(Int(a)), y = partition.find(Int(b))
            if x == y { continue }
            // A group resolved to a place holds its gazetteer names, which may differ (a district and its
            // neighbourhoods): the other group must agree with the spelling it links to, not with all of them.
            let cohesive: Bool
            switch (partition.place(of: x) != nil, partition.place(of: y) != nil) {
            case (true, false): cohesive = Self.cohesive([a], partition.representatives(y), forms)
            case (false, true): cohesive = Self.cohesive(partition.representatives(x), [b], forms)
            case (false, false):
                cohesive = Self.cohesive(partition.representatives(x), partition.representatives(y), forms)
            case (true, true): cohesive = true  // the same place, or refused by the partition
            }
            if cohesive { partition.union(x, y) }
        }

        return Self.assemble(forms, &partition, gazetteer: matcher?.gazetteer)
    }

    /// Whether two spellings name the same place by their form alone (layers 2 and 3, without the gazetteer).
    public func sameName(_ a: String, _ b: String) -> Bool {
        let x = Form(spelling: Self.trimmed(a), count: 1, key: NameKey(a), place: nil)
        let y = Form(spelling: Self.trimmed(b), count: 1, key: NameKey(b), place: nil)
        if !Set(x.identityKeys).isDisjoint(with: y.identityKeys) { return true }
        return Self.affinity(x, y) != nil
    }

    // MARK: - Scoring a pair

    /// How strongly two spellings look like one name (higher is stronger), or nil when they do not.
    static func affinity(_ a: Form, _ b: Form) -> Double? {
        // The nisba ending ("Suwaidia", "Hamadaniyeh", "الحمدانية") makes another name ("Suweida", "Hamadan").
        guard a.nisba == b.nisba else { return nil }
        // Nor do names whose last letters cannot be the same ending ("Hazan", "Hazani", "Hazana"; حزان, حزانو).
        guard a.ending & b.ending != 0 else { return nil }
        let sameScript = a.isArabic == b.isArabic
        var distance = Double.infinity
        var length = 0
        for x in a.skeletons {
            for y in b.skeletons {
                // Across scripts an h is written when it is there (ح ه خ), so it is not a cheap edit.
                let d = x == y ? 0 : Self.distance(x, y, silentH: sameScript)
                let l = max(x.count, y.count)
                if d < distance || (d == distance && l > length) {
                    distance = d
                    length = l
                }
            }
        }
        guard length > 0, distance.isFinite else { return nil }
        // Equal skeletons, or one cheap substitution (s/sh, k/q/g, d/t) or silent h in a longer one; never a
        // full consonant more or less ("Ma'arshamarin" is not "معرشورين", "Kafr Zita" not "Kafr Zaytun").
        guard distance == 0 || (length >= 4 && distance <= 0.5) else { return nil }
        if sameScript {
            let letters = Letters.similarity(a.letters, b.letters)
            // Two or three consonants say little: "Has" and "Hus", "Mayadin" and "Maaden" share them.
            let needed = distance > 0 ? 0.75 : (length <= 2 ? 0.87 : (length == 3 ? 0.82 : 0.6))
            guard letters >= needed else { return nil }
            return (distance == 0 ? 0.95 : 0.9 - distance / Double(length)) + 0.05 * letters
        }
        guard Vowels.agree(a, b) else { return nil }
        return distance == 0 ? 0.95 : 0.9 - distance / Double(length)
    }

    /// Weighted edit distance between skeletons with the equivalence classes of ``Skeleton/substitution(_:_:)``;
    /// a missing H costs half when `silentH`.
    static func distance(_ a: [UInt8], _ b: [UInt8], silentH: Bool) -> Double {
        func indel(_ s: UInt8) -> Double { silentH && s == UInt8(ascii: "H") ? 0.5 : 1 }
        if a.isEmpty { return b.reduce(0) { $0 + indel($1) } }
        if b.isEmpty { return a.reduce(0) { $0 + indel($1) } }
        var previous = [Double](repeating: 0, count: b.count + 1)
        var current = previous
        for j in 1...b.count { previous[j] = previous[j - 1] + indel(b[j - 1]) }
        for i in 1...a.count {
            current[0] = previous[0] + indel(a[i - 1])
            for j in 1...b.count {
                current[j] = min(
                    previous[j - 1] + Skeleton.substitution(a[i - 1], b[j - 1]),
                    previous[j] + indel(a[i - 1]),
                    current[j - 1] + indel(b[j - 1]))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Whether the groups with representatives `x` and `y` hold one name: at least half of the pairs between
    /// their representatives must link. Without it, links chain through look-alikes ("Amra" – "Hamra" – "Ammar").
    static func cohesive(_ x: [Int32], _ y: [Int32], _ forms: [Form]) -> Bool {
        var linked = 0
        var total = 0
        for i in x {
            for j in y {
                total += 1
                let a = forms[Int(i)], b = forms[Int(j)]
                if a.compact == b.compact || affinity(a, b) != nil { linked += 1 }
            }
        }
        return 2 * linked >= total
    }

    // MARK: - Output

    private static func assemble(_ forms: [Form], _ partition: inout Partition, gazetteer: Gazetteer?)
        -> [SpellingCluster]
    {
        var membersByRoot: [Int: [Int]] = [:]
        for i in forms.indices { membersByRoot[partition.find(i), default: []].append(i) }
        var clusters: [SpellingCluster] = []
        clusters.reserveCapacity(membersByRoot.count)
        for (root, indices) in membersByRoot {
            let members = indices.map { SpellingCluster.Member(spelling: forms[$0].spelling, count: forms[$0].count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.spelling < $1.spelling }
            let placeID = partition.place(of: root)
            var canonical: String
            if let placeID, let place = gazetteer?.place(id: placeID), !place.nameEn.isEmpty {
                canonical = place.nameEn
            } else {
                // Members are sorted by count: the first Latin one is the most frequent.
                let latin = indices.filter { !forms[$0].isArabic && !forms[$0].compact.isEmpty }
                    .map { forms[$0].spelling }
                canonical = members.first { latin.contains($0.spelling) }?.spelling ?? members[0].spelling
            }
            clusters.append(SpellingCluster(id: 0, canonical: canonical, placeID: placeID, members: members))
        }
        clusters.sort {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.members.count != $1.members.count { return $0.members.count > $1.members.count }
            if $0.canonical != $1.canonical { return $0.canonical < $1.canonical }
            return $0.members[0].spelling < $1.members[0].spelling
        }
        for i in clusters.indices { clusters[i].id = i + 1 }
        return clusters
    }

    static func trimmed(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A group of spellings of one place, as ``SpellingClusterer`` makes them.
public struct SpellingCluster: Sendable, Hashable {
    /// One spelling and the number of cells that carry it.
    public struct Member: Sendable, Hashable {
        /// The spelling, trimmed of surrounding white space.
        public var spelling: String
        /// How many cells of the column carry it.
        public var count: Int

        /// Creates a member.
        public init(spelling: String, count: Int) {
            self.spelling = spelling
            self.count = count
        }
    }

    /// 1-based position in the output: clusters are numbered by size, largest first.
    public var id: Int
    /// The suggested spelling for every member: the gazetteer's English name when the place is known, else the
    /// most frequent Latin spelling (the most frequent spelling when none is Latin).
    public var canonical: String
    /// The gazetteer P-code, when a member was matched to a place.
    public var placeID: String?
    /// The spellings, most frequent first.
    public var members: [Member]

    /// Creates a cluster.
    public init(id: Int, canonical: String, placeID: String?, members: [Member]) {
        self.id = id
        self.canonical = canonical
        self.placeID = placeID
        self.members = members
    }

    /// The number of cells of all members.
    public var count: Int { members.reduce(0) { $0 + $1.count } }

    /// The header of the clusters table `gazette cluster` writes.
    public static let columns = ["cluster_id", "name", "count", "canonical", "place_id"]

    /// One row per member, in the layout of ``columns``.
    public var rows: [[String]] {
        members.map { [String(id), $0.spelling, String($0.count), canonical, placeID ?? ""] }
    }
}

/// A distinct spelling with what clustering compares, computed once. A class: pairs of forms are compared
/// millions of times, and copying a struct of strings and arrays each time would dominate.
final class Form {
    let spelling: String
    let count: Int
    let key: NameKey
    let place: String?
    let isArabic: Bool
    let compact: String
    let bare: String
    let skeletons: [[UInt8]]
    let vowels: [UInt8]
    let nisba: Bool
    let ending: UInt8
    let letters: [Letters.Unit]

    init(spelling: String, count: Int, key: NameKey, place: String?) {
        self.spelling = spelling
        self.count = count
        self.key = key
        self.place = place
        isArabic = key.isArabic
        compact = key.compact
        bare = key.bare
        skeletons = key.skeletons.filter { !$0.isEmpty }.map { Array($0.utf8) }
        vowels = Vowels.signature(key)
        nisba = Vowels.endsInNisba(key)
        ending = Vowels.ending(key)
        letters = Letters.units(key.bare)
    }

    /// Keys whose equality alone joins two spellings: the folded key, and the article-optional key when it is
    /// long enough not to be a common word.
    var identityKeys: [String] {
        if key.compact.isEmpty { return [] }
        var keys = ["=" + key.compact]
        if key.bare != key.compact, key.bare.unicodeScalars.count >= 3 { keys.append("=" + key.bare) }
        return keys
    }
}

/// Union-find over spellings in which a group takes at most one gazetteer place: joining two groups resolved
/// to different places is refused. Each group keeps its most frequent spellings as representatives.
struct Partition {
    static let representativeLimit = 4

    private var parent: [Int]
    private var rank: [UInt8]
    private var places: [String?]
    private var counts: [Int]
    private var reps: [[Int32]]

    init(places: [String?], counts: [Int]) {
        parent = Array(places.indices)
        rank = [UInt8](repeating: 0, count: places.count)
        self.places = places
        self.counts = counts
        reps = places.indices.map { [Int32($0)] }
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    func place(of root: Int) -> String? { places[root] }

    /// The most frequent spellings of the group whose root is `root`.
    func representatives(_ root: Int) -> [Int32] { reps[root] }

    /// Joins the groups of `a` and `b`; false when they are resolved to different places.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var x = find(a)
        var y = find(b)
        if x == y { return true }
        if let p = places[x], let q = places[y], p != q { return false }
        if rank[x] < rank[y] { swap(&x, &y) }
        parent[y] = x
        if rank[x] == rank[y] { rank[x] += 1 }
        if places[x] == nil { places[x] = places[y] }
        let merged = (reps[x] + reps[y]).sorted {
            counts[Int($0)] != counts[Int($1)] ? counts[Int($0)] > counts[Int($1)] : $0 < $1
        }
        reps[x] = Array(merged.prefix(Self.representativeLimit))
        reps[y] = []
        return true
    }
}
