public import GazetteModel

/// Reconciles place names in any script to the gazetteer, layer by layer, cheapest first, each layer explaining
/// itself in `why`:
///
/// 1. `exact`: the folded name equals a name of the place (``NameKey/compact``);
/// 2. `article`: equal once the article is optional, also where it is attached ("Albab", "الأتارب");
/// 3. `skeleton`: the cross-script consonant skeletons agree ("Maar Shoreen" / "معرشورين");
/// 4. `fuzzy`: a weighted edit distance over skeletons with character equivalence classes, over candidates from
///    a bigram index (never a scan of the gazetteer).
///
/// A context ("rural Idlib", "ريف حلب الغربي", "province d'Idleb", "İdlib kırsalı", "SY07") keeps only the places
/// inside the admin units it names. A name shared by several places that the context does not decide stays
/// `ambiguous`, best first; `matched` needs a clear lead. Regions ("Eastern Ghouta"), facilities ("Shayrat
/// airbase", "مخيم درعا") and names with no close place are `unmatched`. A community and the admin units of the
/// same name it is the seat of are one place for users: the community is returned, and a governorate for the
/// name of a governorate unless the text says "town" or "city".
///
/// ```swift
/// let matcher = Matcher(gazetteer: gazetteer)
/// let match = matcher.match("Maar Shoureen")
/// match.status                 // .matched
/// match.place?.id              // "C3978"
/// matcher.match("Duma").status                          // .ambiguous (Rural Damascus, Hama, As-Sweida)
/// matcher.match("Duma", context: "Rif Dimashq").place?.id   // "C2338"
/// ```
///
/// Thread model: the lookup tables live in a ``MatcherIndex``, built once (about 0.3 s for the full Syrian
/// gazetteer in a release build), immutable and `Sendable`. A `Matcher` adds memo tables (keys, contexts and
/// answers per distinct string) and scratch counters, so it is a class with mutable state and is not `Sendable`:
/// give each thread its own, made cheaply with ``init(index:)`` from a shared index. The memo tables are emptied
/// when they reach ``cacheLimit`` entries, which bounds memory on endless input. One core resolves about 50,000
/// noisy names per second against the full gazetteer, end to end through `gazette match` (`Scripts/bench matcher`).
/// The index stores distinct keys once and the matcher weighs each once per query, for all the places that share
/// it (see ``MatcherIndex``).
public final class Matcher {
    /// The index the matcher reads: built once, shareable between threads.
    public let index: MatcherIndex
    /// The gazetteer matched against.
    public var gazetteer: Gazetteer { index.gazetteer }

    private var keyCache: [ByteKey: NameKey] = [:]
    private var contextCache: [String: Context] = [:]
    private var matchCache: [ByteKey: Match] = [:]
    /// Scratch counters for the bigram candidates, one per distinct skeleton, reset after each query.
    private var counts: [UInt16]
    /// The spelling similarity of the query to each distinct form of a name, so that a form many places share is
    /// compared once. It is a small table of open addressing (form → similarity, `memoKeys` -1 when free), emptied
    /// slot by slot at the start of each query: a query compares few forms, and a table this small stays in the
    /// cache where an array over every form of a large gazetteer would not.
    private var memoKeys = [Int32](repeating: -1, count: Matcher.memoSlots)
    private var memoValues = [Double](repeating: 0, count: Matcher.memoSlots)
    private var memoUsed: [Int] = []
    static let memoSlots = 512
    /// The same for the spelling similarity to the closest name of each name set that places share
    /// (``MatcherIndex/nameSets``), valid where the stamp is the query's.
    private var setMemo: [Memo]

    /// A similarity and the query it was computed for: side by side, so that a look-up reads one place in memory.
    struct Memo {
        var stamp: UInt32 = 0
        var similarity = 0.0
    }
    private var stamp: UInt32 = 0
    /// Id of each of the query's skeletons, -1 where no name has it.
    private var querySkeletonIDs: [Int32] = []
    /// The fuzzy layer's lists of skeletons touched and pooled, kept for the next query (see ``fuzzyLayer``).
    private var scratchTouched: [Int32] = []
    private var scratchPool: [(Int32, UInt16)] = []

    /// Longest name (in Unicode scalars) still considered a place name.
    public static let maximumNameLength = 150
    /// Posting lists longer than this are skipped when collecting fuzzy candidates: they say little and would make
    /// the cost of a name grow with the gazetteer.
    static let postingCap = 1_000
    /// At most this many fuzzy candidates are scored with the edit distance.
    static let fuzzyCandidates = 80
    /// At most this many places of one key are weighed: beyond it a name is ambiguous anyway, and the cost of a
    /// name must not grow with the gazetteer.
    static let candidateLimit = 24
    /// At most this many candidates are listed in a ``Match``.
    static let listedCandidates = 8
    /// The memo tables are emptied when they reach this many entries, which bounds memory on endless input.
    public static let cacheLimit = 10_000

    struct Context {
        /// Admin unit P-codes the context names (the most specific ones), empty when it names none.
        var units: [String]
        var saysCommunity: Bool
        var kindHint: Place.Kind?
        var text: String
    }

    struct Scored {
        var place: Int32
        var score: Double
        var why: String
        /// Whether this candidate alone would be a sure match (the layer's evidence is strong enough).
        var sure: Bool
    }

    /// Builds the index of every name of every place of `gazetteer` (about a tenth of a second for the full
    /// Syrian gazetteer in a release build) and a matcher over it.
    public convenience init(gazetteer: Gazetteer) {
        self.init(index: MatcherIndex(gazetteer: gazetteer))
    }

    /// A matcher over an index built before: cheap, so each thread can have its own.
    public init(index: MatcherIndex) {
        self.index = index
        counts = [UInt16](repeating: 0, count: index.skeletonIDs.count)
        setMemo = [Memo](repeating: Memo(), count: index.nameSetOffset.count)
    }

    /// The keys of `name`, memoized per distinct string.
    public func key(_ name: String) -> NameKey {
        let memo = ByteKey(text: name)
        if let cached = keyCache[memo] { return cached }
        let key = NameKey(name)
        if keyCache.count >= Self.cacheLimit { keyCache.removeAll(keepingCapacity: true) }
        keyCache[memo] = key
        return key
    }

    // MARK: - Matching

    /// Reconciles `name`, read near `context` (a governorate or district name or P-code in any supported language,
    /// or the words around the name), to the gazetteer. Never fails: empty, overlong or meaningless input is
    /// `unmatched` with the reason in `why`.
    public func match(_ name: String, context: String = "") -> Match {
        let memo = ByteKey(text: name + "\u{0}" + context)
        if let cached = matchCache[memo] { return cached }
        let result = resolve(name, context: context)
        if matchCache.count >= Self.cacheLimit { matchCache.removeAll(keepingCapacity: true) }
        matchCache[memo] = result
        return result
    }

    private func unmatched(_ name: String, _ context: String, _ why: String, _ candidates: [Candidate] = []) -> Match {
        Match(query: name, context: context, status: .unmatched, candidates: candidates, why: why)
    }

    private func resolve(_ name: String, context: String) -> Match {
        let key = self.key(name)
        if key.inputLength > Self.maximumNameLength {
            return unmatched(name, context, "too long for a place name (\(key.inputLength) characters)")
        }
        if key.compact.isEmpty { return unmatched(name, context, "empty name") }
        let ctx = parseContext(context)
        func inContext(_ ids: [Int32]) -> [Int32] {
            ctx.units.isEmpty ? ids : ids.filter { isInside($0, ctx.units) }
        }

        // A region's own name ("الغوطة", "Lajat") means the region, not a hamlet of the same name elsewhere, unless
        // the context names the hamlet's area.
        let compact = ByteKey(text: key.compact)
        let bare = ByteKey(text: key.bare)
        if let region = index.regionKeys[compact] ?? index.regionKeys[bare] {
            let places = (index.exactIndex[compact] ?? []) + (index.bareIndex[bare] ?? [])
            if ctx.units.isEmpty || inContext(places).isEmpty {
                return unmatched(name, context, "region:\(region) (an area, not a place of the gazetteer)")
            }
        }

        var layer = ""
        var scored: [Scored] = []
        var communities = 0
        if let all = index.exactIndex[compact], !inContext(all).isEmpty {
            layer = "exact"
            communities = self.communities(all)
            let why = "exact:" + key.compact
            scored = inContext(all).prefix(Self.candidateLimit).map {
                Scored(place: $0, score: 1, why: why, sure: true)
            }
        } else {
            let all = Array(
                Set((index.bareIndex[bare] ?? []) + (index.bareIndex[compact] ?? []))
            ).sorted()
            if !inContext(all).isEmpty {
                layer = "article"
                communities = self.communities(all)
                let why = "article:" + key.bare
                scored = inContext(all).prefix(Self.candidateLimit).map {
                    Scored(place: $0, score: 0.97, why: why, sure: true)
                }
            }
        }
        if scored.isEmpty {
            if let facility = key.facility {
                return unmatched(name, context, "facility:\(facility) (not a place of the gazetteer)")
            }
            if let region = key.skeletons.lazy.compactMap({ self.index.regionSkeletons[$0] }).first {
                return unmatched(name, context, "region:\(region) (an area, not a place of the gazetteer)")
            }
            startQuery(key)
            (scored, communities) = skeletonLayer(key, ctx)
            layer = "skeleton"
            if !scored.contains(where: { $0.score > 0.83 }) {
                // Nothing but cross-script agreement: names that differ only by "upper", "al-Kabir" may fit better.
                let qualified = qualifierLayer(key, ctx)
                if !qualified.isEmpty {
                    let known = Set(qualified.map(\.place))
                    scored = qualified + scored.filter { !known.contains($0.place) }
                    layer = "qualifier"
                }
            }
            if scored.isEmpty {
                scored = fuzzyLayer(key, ctx)
                layer = "fuzzy"
            }
        }
        if scored.isEmpty {
            let why = ctx.units.isEmpty
                ? "no place of this name" : "no place of this name in \(ctx.units.joined(separator: ", "))"
            return unmatched(name, context, why)
        }
        // A name many communities share ("Mansura", "Jdideh") is not decided by a governorate alone: the text
        // may mean a hamlet the gazetteer lacks. Only a well-known town (one other gazetteers spell) stays sure.
        if communities >= 3, ctx.units.allSatisfy({ $0.utf8.count == 4 }) {
            for i in scored.indices where index.prominence[Int(scored[i].place)] < 3 { scored[i].sure = false }
        }
        return decide(name, context, key, ctx, layer, scored)
    }

    private func isInside(_ place: Int32, _ units: [String]) -> Bool {
        let within = index.within[Int(place)]
        for unit in units {
            if within.contains(unit) { return true }
            // An admin unit that contains the context's unit ("Idlib" in "Ariha, Idlib").
            if index.kinds[Int(place)] != .community, unit.hasPrefix(index.ids[Int(place)]) { return true }
        }
        return false
    }

    /// Starts the memo of form comparisons for a new query.
    private func startQuery(_ key: NameKey) {
        stamp &+= 1
        if stamp == 0 {
            setMemo.withUnsafeMutableBufferPointer { $0.update(repeating: Memo()) }
            stamp = 1
        }
        querySkeletonIDs = key.skeletons.map { index.skeletonIDs[$0] ?? -1 }
        for slot in memoUsed { memoKeys[slot] = -1 }
        memoUsed.removeAll(keepingCapacity: true)
    }

    /// Spelling similarity of the query to form `f`: computed once per query and form (``startQuery(_:)``),
    /// whichever places share the form.
    private func similarity(_ key: NameKey, form f: Int32) -> Double {
        let mask = Self.memoSlots - 1
        var slot = Int(truncatingIfNeeded: (UInt32(bitPattern: f) &* 2_654_435_761) >> 23) & mask
        while memoKeys[slot] >= 0 {
            if memoKeys[slot] == f { return memoValues[slot] }
            slot = (slot + 1) & mask
        }
        let form = index.forms[Int(f)]
        let similarity = index.letters.withUnsafeBufferPointer { letters in
            key.letters.withUnsafeBufferPointer { query in
                Spelling.similarity(
                    query, UnsafeBufferPointer(rebasing: letters[Int(form.letterStart)..<Int(form.letterEnd)]))
            }
        }
        // At most half full, so that probes stay short; past that, forms are compared without the memo.
        if memoUsed.count < Self.memoSlots / 2 {
            memoKeys[slot] = f
            memoValues[slot] = similarity
            memoUsed.append(slot)
        }
        return similarity
    }

    /// Spelling similarity of the query to the closest name of a place with the name set stored at `offset` of
    /// ``MatcherIndex/nameSetData`` in the query's script (0.5 when it has no name in that script).
    private func spelling(_ key: NameKey, setAt offset: Int32) -> Double {
        // Once per shared name set: places with the same names cost one look-up each.
        let shared = index.nameSetData[Int(offset)]
        if shared >= 0, setMemo[Int(shared)].stamp == stamp { return setMemo[Int(shared)].similarity }
        var best = -1.0
        let script: Int32 = key.isArabic ? 1 : 0
        let first = Int(offset) + 2
        for k in first..<(first + Int(index.nameSetData[Int(offset) + 1])) {
            let entry = index.nameSetData[k]
            if entry & 1 == script { best = max(best, similarity(key, form: entry >> 1)) }
        }
        let result = best < 0 ? 0.5 : best
        if shared >= 0 { setMemo[Int(shared)] = Memo(stamp: stamp, similarity: result) }
        return result
    }

    /// Whether `place` has a name in one of the scripts `bits` with skeleton `id`.
    private func hasSkeleton(_ place: Int32, _ id: Int32, bits: Int32) -> Bool {
        let range = index.placeRange(skeleton: id)
        // Binary search: postings are sorted by place.
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if index.skeletonPlaces[mid] >> 2 < place { low = mid + 1 } else { high = mid }
        }
        guard low < range.upperBound else { return false }
        return index.skeletonPlaces[low] >> 2 == place && index.skeletonPlaces[low] & bits != 0
    }

    /// The places of the query's skeletons `found` (indices into `key.skeletons` whose ids are known), in place
    /// order and each once, with the first of those skeletons that has it, the scripts of its names that have any
    /// of them, and its name set; `body` returns false to stop. Posting lists are sorted by place, so this merges a
    /// few sorted lists and reads them only as far as it is asked to: a skeleton that hundreds of places share
    /// (as in a large gazetteer) costs no more than the few places a query weighs.
    private func forEachPlace(
        _ found: [Int], _ body: (_ place: Int32, _ variant: Int, _ scripts: Int32, _ set: Int32) -> Bool
    ) {
        if found.count == 1 {
            for k in index.placeRange(skeleton: querySkeletonIDs[found[0]]) {
                let posting = index.skeletonPlaces[k]
                if !body(posting >> 2, found[0], posting & 3, index.skeletonPlaceSets[k]) { return }
            }
            return
        }
        var rest = found.map { index.placeRange(skeleton: querySkeletonIDs[$0]) }
        while true {
            var place = Int32.max
            for range in rest where !range.isEmpty { place = min(place, index.skeletonPlaces[range.lowerBound] >> 2) }
            if place == Int32.max { return }
            var variant = -1
            var scripts: Int32 = 0
            var set: Int32 = 0
            for i in rest.indices where !rest[i].isEmpty {
                let k = rest[i].lowerBound
                let posting = index.skeletonPlaces[k]
                guard posting >> 2 == place else { continue }
                if variant < 0 {
                    variant = found[i]
                    set = index.skeletonPlaceSets[k]
                }
                scripts |= posting & 3
                rest[i] = (k + 1)..<rest[i].upperBound
            }
            if !body(place, variant, scripts, set) { return }
        }
    }

    /// How many of `places` are communities, counted up to 3: all that deciding asks (a name shared by three
    /// communities or more is not settled by a governorate alone).
    private func communities(_ places: [Int32]) -> Int {
        var count = 0
        for place in places where index.kinds[Int(place)] == .community {
            count += 1
            if count == 3 { break }
        }
        return count
    }

    /// The places whose names share a skeleton with the query, scored, and how many communities have the name
    /// nationwide (up to 3; see ``communities(_:)``).
    private func skeletonLayer(_ key: NameKey, _ ctx: Context) -> ([Scored], communities: Int) {
        let found = key.skeletons.indices.filter { key.skeletons[$0].utf8.count >= 2 && querySkeletonIDs[$0] >= 0 }
        var candidates: [(place: Int32, variant: Int, scripts: Int32, set: Int32)] = []
        if found.isEmpty { return ([], 0) }
        // More places than are weighed? Counting stops past the limit.
        var seen = 0
        forEachPlace(found) { _, _, _, _ in
            seen += 1
            return seen <= Self.candidateLimit
        }
        let many = seen > Self.candidateLimit
        var communities = 0
        if many {
            // Weigh the first places inside the context; the places nationwide still tell how common the name is.
            forEachPlace(found) { place, _, _, _ in
                if index.kinds[Int(place)] == .community { communities += 1 }
                return communities < 3
            }
            forEachPlace(found) { place, variant, scripts, set in
                if ctx.units.isEmpty || isInside(place, ctx.units) {
                    candidates.append((place, variant, scripts, set))
                }
                return candidates.count < Self.candidateLimit
            }
        } else {
            forEachPlace(found) { place, variant, scripts, set in
                candidates.append((place, variant, scripts, set))
                return true
            }
        }
        let scriptBit = key.isArabic ? MatcherIndex.arabicBit : MatcherIndex.latinBit
        // Skeletons too short to find places still count for whether the query's script shares a skeleton.
        let shortIDs = key.skeletons.indices.filter { key.skeletons[$0].utf8.count < 2 && querySkeletonIDs[$0] >= 0 }
            .map { querySkeletonIDs[$0] }
        var out: [Scored] = []
        let whys = key.skeletons.map { "skeleton:" + $0 }
        for candidate in candidates {
            let id = candidate.place
            let short = key.skeletons[candidate.variant].utf8.count <= 2
            // Whether a name of the place in the query's script has one of its skeletons (else the skeleton agreed
            // only across scripts, which is weaker).
            let sameScript = candidate.scripts & scriptBit != 0
                || shortIDs.contains { hasSkeleton(id, $0, bits: scriptBit) }
            // The spelling only counts for a skeleton shared in the query's script, or a short one.
            let sim = sameScript || short ? spelling(key, setAt: candidate.set) : 0
            // Two consonants say little: "Has" and "Hass" agree, "Sinaa" and "Suna" must not.
            if short && sim < 0.82 { continue }
            if !many, index.kinds[Int(id)] == .community { communities += 1 }
            guard ctx.units.isEmpty || isInside(id, ctx.units) else { continue }
            let sure = sameScript && sim >= (short ? 0.9 : 0.85)
            // A skeleton shared only across scripts (a Latin query, an Arabic name) is weak evidence.
            let score = sameScript ? 0.8 + 0.15 * sim : 0.83
            out.append(Scored(place: id, score: score, why: whys[candidate.variant], sure: sure))
        }
        return (out, communities)
    }

    /// Names that agree once the words telling places apart ("upper", "al-Kabir", "الصغرى") are set aside: never
    /// sure unless those words agree too.
    private func qualifierLayer(_ key: NameKey, _ ctx: Context) -> [Scored] {
        var ids: Set<Int32> = []
        var hit: [Int32: String] = [:]
        for s in key.skeletons where s.utf8.count >= 3 {
            for id in index.coreIndex[s] ?? [] where ids.insert(id).inserted { hit[id] = s }
        }
        for s in key.coreSkeletons where s.utf8.count >= 2 {
            for id in index.places(skeleton: s) + (index.coreIndex[s] ?? []) where ids.insert(id).inserted {
                hit[id] = s
            }
        }
        var out: [Scored] = []
        let inside = ids.sorted().filter { ctx.units.isEmpty || isInside($0, ctx.units) }
        for id in inside.prefix(Self.candidateLimit) {
            let agree = !key.qualifiers.isEmpty && index.forms(of: id).contains {
                index.qualifierSets[Int(index.forms[Int($0)].qualifiers)] == key.qualifiers
            }
            out.append(Scored(place: id, score: agree ? 0.88 : 0.84, why: "qualifier:\(hit[id] ?? "")", sure: agree))
        }
        return out
    }

    private func fuzzyLayer(_ key: NameKey, _ ctx: Context) -> [Scored] {
        guard let first = key.skeletons.first, first.utf8.count >= 3 else { return [] }
        // Scratch lists kept from query to query: they can hold thousands of skeletons, and allocating that much
        // afresh for each query makes the allocator sweep its free lists.
        var touched = scratchTouched
        var pool = scratchPool
        scratchTouched = []
        scratchPool = []
        touched.removeAll(keepingCapacity: true)
        pool.removeAll(keepingCapacity: true)
        defer {
            scratchTouched = touched
            scratchPool = pool
        }
        var queryBigrams = 0
        // The counters live in the matcher to avoid an allocation per query; work on them without exclusivity
        // checks, and leave them all zero again. They count distinct skeletons: the places and names that share a
        // skeleton cost nothing more here.
        counts.withUnsafeMutableBufferPointer { counts in
            for s in key.skeletons {
                // The rarest bigrams carry the most information and cost the least: use at most six of them.
                var lists: [MatcherIndex.Postings] = []
                for g in MatcherIndex.bigrams(Array(s.utf8)) {
                    if let postings = index.bigramIndex[g], postings.entries <= Self.postingCap {
                        lists.append(postings)
                    }
                }
                lists.sort { $0.entries < $1.entries }
                if lists.count > 6 { lists.removeSubrange(6...) }
                queryBigrams = max(queryBigrams, lists.count)
                for postings in lists {
                    for e in postings.skeletons {
                        if counts[Int(e)] == 0 { touched.append(e) }
                        counts[Int(e)] &+= 1
                    }
                }
            }
            let needed = UInt16(max(2, (queryBigrams + 1) / 2))
            for e in touched {
                if counts[Int(e)] >= needed { pool.append((e, counts[Int(e)])) }
                counts[Int(e)] = 0
            }
        }
        pool.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        // The first entries of the pooled skeletons, most shared bigrams first, then in place order: the entries of
        // skeletons with equal counts interleave.
        var selected: [(entry: MatcherIndex.Entry, skeleton: Int32)] = []
        var start = 0
        while start < pool.count, selected.count < Self.fuzzyCandidates {
            var end = start + 1
            while end < pool.count, pool[end].1 == pool[start].1 { end += 1 }
            let room = Self.fuzzyCandidates - selected.count
            var group: [(entry: MatcherIndex.Entry, skeleton: Int32)] = []
            for (s, _) in pool[start..<end] {
                // No entry past the first `room` of its skeleton can be among the first `room` of the group.
                let first = Int(index.entryStart[Int(s)])
                for e in first..<min(Int(index.entryStart[Int(s) + 1]), first + room) {
                    group.append((index.entries[e], s))
                }
            }
            if end - start > 1 { group.sort { $0.entry.ordinal < $1.entry.ordinal } }
            selected.append(contentsOf: group.prefix(room))
            start = end
        }
        let variants = key.skeletons.map { Array($0.utf8) }
        // Each distinct skeleton is compared once, however many places have it.
        var skeletonSims: [Int32: Double] = [:]
        func skeletonSimilarity(_ s: Int32) -> Double {
            if let known = skeletonSims[s] { return known }
            let similarity = index.skeletonBytes.withUnsafeBufferPointer { bytes in
                let skeleton = UnsafeBufferPointer(
                    rebasing: bytes[Int(index.skeletonByteStart[Int(s)])..<Int(index.skeletonByteStart[Int(s) + 1])])
                return variants.map { v in v.withUnsafeBufferPointer { Skeleton.similarity($0, skeleton) } }.max() ?? 0
            }
            skeletonSims[s] = similarity
            return similarity
        }
        var best: [Int32: Scored] = [:]
        for (entry, skeleton) in selected {
            if !ctx.units.isEmpty, !isInside(entry.place, ctx.units) { continue }
            let skeletonSim = skeletonSimilarity(skeleton)
            guard skeletonSim >= 0.7 else { continue }
            let sameScript = index.forms[Int(entry.form)].isArabic == key.isArabic
            let spellSim = sameScript ? similarity(key, form: entry.form) : 0.4
            let score = 0.9 * (0.6 * skeletonSim + 0.4 * spellSim)
            if score > (best[entry.place]?.score ?? 0) {
                let why = "fuzzy:" + index.skeletonText(skeleton)
                let sure = sameScript && skeletonSim >= 0.8 && spellSim >= 0.8
                best[entry.place] = Scored(place: entry.place, score: score, why: why, sure: sure)
            }
        }
        return best.values.sorted { $0.place < $1.place }.filter { $0.score >= 0.7 }
    }

    // MARK: - Deciding

    /// Whether `a` and `b` are one place for users: a community and the admin units of its name it lies in.
    private func nested(_ a: Int32, _ b: Int32) -> Bool {
        let a = Int(a), b = Int(b)
        return (index.kinds[b] != .community && index.withinRanks[a].contains(index.idRank[b]))
            || (index.kinds[a] != .community && index.withinRanks[b].contains(index.idRank[a]))
    }

    private func decide(
        _ name: String, _ context: String, _ key: NameKey, _ ctx: Context, _ layer: String, _ scored: [Scored]
    ) -> Match {
        let places = gazetteer.places
        let sorted = scored.sorted {
            if $0.score != $1.score { return $0.score > $1.score }
            if index.prominence[Int($0.place)] != index.prominence[Int($1.place)] {
                return index.prominence[Int($0.place)] > index.prominence[Int($1.place)]
            }
            return index.idRank[Int($0.place)] < index.idRank[Int($1.place)]
        }
        // Group the candidates into places-for-users: a community and the units of its name it is the seat of. A
        // candidate joins the first group with a member nested with it. Groups are slices of one array of indices
        // into `sorted`, in order: no array per group.
        let n = sorted.count
        var groupOf = [Int](repeating: 0, count: n)
        var groupCount = 0
        // Two communities are never nested: most pairs need no look-up.
        let community = sorted.map { index.kinds[Int($0.place)] == .community }
        for i in 0..<n {
            var g = groupCount
            for j in 0..<i where groupOf[j] < g && !(community[i] && community[j]) {
                if nested(sorted[j].place, sorted[i].place) { g = groupOf[j] }
            }
            if g == groupCount { groupCount += 1 }
            groupOf[i] = g
        }
        var bounds = [Int](repeating: 0, count: groupCount + 1)
        for g in groupOf { bounds[g + 1] += 1 }
        for g in 0..<groupCount { bounds[g + 1] += bounds[g] }
        var members = [Int](repeating: 0, count: n)
        var next = bounds
        for i in 0..<n {
            members[next[groupOf[i]]] = i
            next[groupOf[i]] += 1
        }
        var groups = (0..<groupCount).map { members[bounds[$0]..<bounds[$0 + 1]] }
        func head(_ group: ArraySlice<Int>) -> Scored { sorted[group[group.startIndex]] }
        // The name of a governorate (and of its capital) means the governorate, not a village of the same name:
        // "Hama", "القنيطرة". The villages stay listed after it.
        var governorateName = false
        if layer == "exact" || layer == "article",
            let g = groups.firstIndex(where: { group in
                let top = head(group).score
                return group.contains {
                    index.kinds[Int(sorted[$0].place)] == .governorate && sorted[$0].score >= top - 0.001
                }
            }) {
            governorateName = true
            if g != 0 { groups.insert(groups.remove(at: g), at: 0) }
        }
        let saysCommunity = key.saysCommunity || ctx.saysCommunity
        // The context's own kind words describe where the place lies ("Douma district"), not what the name is.
        let kindHint = key.kindHint
        func representative(_ group: ArraySlice<Int>) -> Scored {
            let top = head(group).score
            func first(_ kind: Place.Kind) -> Scored? {
                group.lazy.map { sorted[$0] }.first { index.kinds[Int($0.place)] == kind && top - $0.score <= 0.05 }
            }
            if let kind = kindHint, let hit = first(kind) { return hit }
            if saysCommunity, let hit = first(.community) { return hit }
            if let hit = first(.governorate) { return hit }
            if let hit = first(.community) { return hit }
            return first(.district) ?? first(.subdistrict) ?? head(group)
        }
        // Only the groups that are listed or named in `why` need their representative.
        let reps = groups.prefix(Self.listedCandidates).map(representative)
        // At most eight candidates are listed: only those are made (a place is a large value to copy).
        var candidates: [Candidate] = []
        for (i, rep) in reps.enumerated() {
            candidates.append(Candidate(place: places[Int(rep.place)], score: head(groups[i]).score, why: rep.why))
        }
        // Other members of the top group, for people who want the subdistrict or district code too.
        for m in groups[0] where sorted[m].place != reps[0].place && candidates.count < Self.listedCandidates {
            let member = sorted[m]
            candidates.append(Candidate(place: places[Int(member.place)], score: member.score, why: member.why))
        }
        let top = head(groups[0]).score
        let second = groups.count > 1 && !governorateName ? head(groups[1]).score : 0
        let margin = layer == "exact" || layer == "article" ? 0.001 : 0.05
        let sure = groups[0].contains { sorted[$0].sure }
        let why = reps[0].why
        if sure, top - second >= margin {
            return Match(query: name, context: context, status: .matched, candidates: candidates, why: why)
        }
        let detail = groups.count > 1
            ? "; \(groups.count) places: " + reps.prefix(5).map { index.ids[Int($0.place)] }.joined(separator: " ")
            : "; not sure enough to match"
        return Match(query: name, context: context, status: .ambiguous, candidates: candidates, why: why + detail)
    }

    // MARK: - Context

    /// The admin unit P-codes a context names, most specific first as the matcher uses them to narrow candidates
    /// ("rural Idlib" → `["SY07"]`, "Douma, Rif Dimashq" → `["SY0302"]`); empty when it names none.
    public func contextUnits(_ context: String) -> [String] {
        parseContext(context).units
    }

    /// Reads the admin units a context names: n-grams of its words are looked up among the names and codes of
    /// governorates and districts ("ريف دمشق" is a governorate, "ريف حلب" is "rural" + Aleppo). A governorate
    /// wins over a district of the same name ("rural Idlib" is the governorate), a district named along with its
    /// governorate narrows to the district, and Damascus and Rural Damascus count as one area, since the press
    /// uses "Damascus" for its suburbs.
    func parseContext(_ context: String) -> Context {
        if let cached = contextCache[context] { return cached }
        var result = Context(units: [], saysCommunity: false, kindHint: nil, text: context)
        let trimmed = context.unicodeScalars.count > 400
            ? String(String.UnicodeScalarView(context.unicodeScalars.prefix(400))) : context
        let raw = NameKey.fold(trimmed)
        var words: [[String]] = []
        for token in raw {
            if Vocabulary.communityHints.contains(token) { result.saysCommunity = true }
            if result.kindHint == nil, let hint = Vocabulary.kindHints[token] { result.kindHint = hint }
            if Vocabulary.articles.contains(token) { continue }
            words.append(Self.contextForms(token))
        }
        var found: [Int32] = []
        var used = [Bool](repeating: false, count: words.count)
        for n in stride(from: min(3, words.count), through: 1, by: -1) {
            var start = 0
            while start + n <= words.count {
                if used[start..<(start + n)].contains(true) {
                    start += 1
                    continue
                }
                var hit: [Int32]?
                for combination in Self.combinations(Array(words[start..<(start + n)])) {
                    if let ids = index.contextIndex[combination] {
                        hit = ids
                        break
                    }
                }
                if let ids = hit {
                    let governorates = ids.filter { gazetteer.places[Int($0)].kind == .governorate }
                    found.append(contentsOf: governorates.isEmpty ? ids : governorates)
                    for i in start..<(start + n) { used[i] = true }
                    start += n
                } else {
                    start += 1
                }
            }
        }
        var units = Array(Set(found.map { gazetteer.places[Int($0)].id })).sorted()
        // Keep the most specific units: a district named with its governorate narrows to the district.
        units = units.filter { unit in !units.contains { $0 != unit && $0.hasPrefix(unit) } }
        if units.contains("SY01") || units.contains("SY03") {
            for extra in ["SY01", "SY03"] where !units.contains(extra) { units.append(extra) }
        }
        result.units = units.sorted()
        if contextCache.count >= Self.cacheLimit { contextCache.removeAll(keepingCapacity: true) }
        contextCache[context] = result
        return result
    }

    /// A context word and its forms without the Arabic clitics (بريف → ريف, وحلب → حلب) or the attached article.
    private static func contextForms(_ token: String) -> [String] {
        var forms = [token]
        var scalars = Array(token.unicodeScalars)
        if scalars.count > 3, "وبلفك".unicodeScalars.contains(scalars[0]) {
            scalars.removeFirst()
            forms.append(String(String.UnicodeScalarView(scalars)))
        }
        for f in forms {
            let bare = NameKey.withoutAttachedArticle(f)
            if !forms.contains(bare) { forms.append(bare) }
        }
        return forms
    }

    private static func combinations(_ words: [[String]]) -> [String] {
        var out = [""]
        for forms in words {
            var next: [String] = []
            for prefix in out {
                for form in forms where next.count < 16 { next.append(prefix + form) }
            }
            out = next
        }
        return out
    }
}
