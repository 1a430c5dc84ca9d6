import Foundation
import GazetteModel
import Testing
import Toponyms

/// Clustering of spellings: unit cases written here, and the pair scores on the shared development set.
@Suite struct ClusteringTests {
    /// Pair precision and recall of `clusters` against gold places, computed as `score_cluster.py` does (a gold
    /// spelling missing from the clusters is a cluster of its own), by counting pairs per group.
    static func pairScores(gold: [String: String], clusters: [SpellingCluster]) -> (precision: Double, recall: Double) {
        var clusterOf: [String: Int] = [:]
        for cluster in clusters {
            for member in cluster.members where gold[member.spelling] != nil { clusterOf[member.spelling] = cluster.id }
        }
        func pairs<K: Hashable>(_ keys: [K]) -> Int {
            var sizes: [K: Int] = [:]
            for key in keys { sizes[key, default: 0] += 1 }
            return sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        }
        let names = Array(gold.keys)
        let inClusters = names.filter { clusterOf[$0] != nil }
        let samePlace = pairs(names.map { gold[$0]! })
        let sameCluster = pairs(inClusters.map { clusterOf[$0]! })
        let both = pairs(inClusters.map { "\(clusterOf[$0]!)\u{1F}\(gold[$0]!)" })
        return (sameCluster == 0 ? 0 : Double(both) / Double(sameCluster),
                samePlace == 0 ? 0 : Double(both) / Double(samePlace))
    }

    @Test func variantsDevPairScores() throws {
        let path = Files.shared.appendingPathComponent("eval/variants-dev.tsv").path
        guard FileManager.default.fileExists(atPath: path) else {
            print("variants-dev.tsv not found at \(path); skipped")
            return
        }
        var gold: [String: String] = [:]
        var spellings: [String] = []
        for line in try Files.text(path).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let query = fields[0].trimmingCharacters(in: .whitespaces)
            spellings.append(query)
            let id = (fields.count > 2 ? fields[2] : "").split(separator: "|").first.map(String.init) ?? ""
            if !id.isEmpty { gold[query] = id.trimmingCharacters(in: .whitespaces) }
        }
        let matcher = Matcher(gazetteer: Files.gazetteer)
        let clusters = SpellingClusterer().cluster(values: spellings, matcher: matcher)
        var out = SpellingCluster.columns.joined(separator: "\t") + "\n"
        for cluster in clusters {
            for row in cluster.rows { out += row.joined(separator: "\t") + "\n" }
        }
        let written = FileManager.default.temporaryDirectory.appendingPathComponent("clusters-variants-dev.tsv")
        try out.write(to: written, atomically: true, encoding: .utf8)
        for cluster in clusters where cluster.members.count > 1 {
            let places = Set(cluster.members.compactMap { gold[$0.spelling] })
            if places.count > 1 {
                print("MIXED \(cluster.canonical) [\(cluster.placeID ?? "-")]: "
                    + cluster.members.map { "\($0.spelling)=\(gold[$0.spelling] ?? "?")" }.joined(separator: ", "))
            }
        }
        var clusterOf: [String: Int] = [:]
        for cluster in clusters { for m in cluster.members { clusterOf[m.spelling] = cluster.id } }
        for place in Set(gold.values).sorted() {
            let names = gold.filter { $0.value == place }.keys.sorted()
            let ids = Set(names.map { clusterOf[$0] ?? 0 })
            if ids.count > 1 {
                print("SPLIT \(place): " + names.map { "\($0)#\(clusterOf[$0] ?? 0)" }.joined(separator: ", "))
            }
        }
        let scores = Self.pairScores(gold: gold, clusters: clusters)
        print("variants-dev clusters: pair precision \(scores.precision) recall \(scores.recall); "
            + "\(clusters.count) clusters in \(written.path)")
        #expect(scores.precision >= 0.95)
        #expect(scores.recall >= 0.85)
    }
}

extension ClusteringTests {
    /// Spellings written for these tests: one town in English, French, German, Turkish and Arabic, a second town
    /// nearby, and look-alikes that must stay apart.
    static let column = [
        "Maarrat Misrin", "Maarrat Misrin", "Ma'arrat Misreen", "Maaret Masrine", "Maarat Misrin", "معرة مصرين",
        "معرة مصرين", "Misraba", "Misraba", "مسرابا", "Maar Shurin", "Maarshamarin", "Duma", "Douma", "دوما", "Dama",
    ]

    static func clusterOf(_ clusters: [SpellingCluster]) -> [String: Int] {
        var out: [String: Int] = [:]
        for cluster in clusters { for member in cluster.members { out[member.spelling] = cluster.id } }
        return out
    }

    @Test func spellingsOfOneTownJoinAcrossScriptsAndLanguages() {
        let clusters = SpellingClusterer().cluster(values: Self.column)
        let of = Self.clusterOf(clusters)
        let town = ["Maarrat Misrin", "Ma'arrat Misreen", "Maaret Masrine", "Maarat Misrin", "معرة مصرين"]
        #expect(Set(town.map { of[$0] }).count == 1)
        #expect(of["Misraba"] == of["مسرابا"])
        #expect(of["Duma"] == of["Douma"] && of["Douma"] == of["دوما"])
    }

    @Test func differentTownsStayApart() {
        let of = Self.clusterOf(SpellingClusterer().cluster(values: Self.column))
        #expect(of["Maarrat Misrin"] != of["Misraba"])
        #expect(of["معرة مصرين"] != of["مسرابا"])
        #expect(of["Maar Shurin"] != of["Maarshamarin"])
        #expect(of["Duma"] != of["Dama"])
    }

    @Test(arguments: [
        ("Maar Shoureen", "maar  shoureen", true), ("Khan Sheikhoun", "خان شيخون", true),
        ("Khan Cheikhoun", "Chan Scheichun", true), ("al-Atareb", "الأتارب", true), ("Saraqib", "Sarakeb", true),
        ("Has", "Hus", false), ("Douma", "Dama", false), ("دوما", "Dama", false), ("Kafr Zita", "Kafr Zaytun", false),
        ("Maar Shurin", "معرشمارين", false), ("Hamadaniyeh", "Hamadan", false), ("Tal Minnis", "Tal Mardikh", false),
    ])
    func pairsOfSpellings(a: String, b: String, same: Bool) {
        #expect(SpellingClusterer().sameName(a, b) == same)
        #expect(SpellingClusterer().sameName(b, a) == same)
    }

    @Test func countsCanonicalAndOrder() {
        let clusters = SpellingClusterer().cluster(values: Self.column + ["  Misraba ", "", "   "])
        let misraba = try! #require(clusters.first { $0.members.contains { $0.spelling == "Misraba" } })
        #expect(misraba.members.first == SpellingCluster.Member(spelling: "Misraba", count: 3))
        #expect(misraba.canonical == "Misraba")
        #expect(misraba.count == 4)
        let town = try! #require(clusters.first { $0.members.contains { $0.spelling == "معرة مصرين" } })
        // The most frequent Latin spelling, not the Arabic one that is as frequent.
        #expect(town.canonical == "Maarrat Misrin")
        #expect(clusters.map(\.id) == Array(1...clusters.count))
        #expect(zip(clusters, clusters.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(clusters[0].id == 1 && clusters[0] == town)
        #expect(!clusters.contains { $0.members.contains { $0.spelling.isEmpty } })
    }

    @Test func theOrderOfTheInputDoesNotMatter() {
        let forward = SpellingClusterer().cluster(values: Self.column)
        let backward = SpellingClusterer().cluster(values: Self.column.reversed())
        #expect(forward == backward)
    }

    @Test func placesOfTheGazetteerNameTheClusterAndKeepLookAlikesApart() {
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        let clusters = SpellingClusterer().cluster(
            values: ["Maar Shurin", "Maarshourin", "معرشورين", "Maarshamarin", "معرشمارين", "Douma", "Douma", "دوما"],
            matcher: matcher)
        let of = Self.clusterOf(clusters)
        #expect(of["Maar Shurin"] == of["معرشورين"] && of["Maar Shurin"] == of["Maarshourin"])
        #expect(of["Maarshamarin"] == of["معرشمارين"])
        #expect(of["Maar Shurin"] != of["Maarshamarin"])
        let shurin = clusters.first { $0.id == of["Maar Shurin"] }
        #expect(shurin?.placeID == "C3978")
        #expect(shurin?.canonical == "Maar Shurin")
        let douma = clusters.first { $0.id == of["Douma"] }
        #expect(douma?.placeID == "C2338")
        #expect(douma?.canonical == "Duma")
    }

    @Test func aDecisionPlacesASpellingTheMatcherCannot() throws {
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        let decisions = try Decisions(tsv: DecisionsFixture.header + "Duma\t\tC3017\t\n", origin: "d.tsv")
        let clusters = SpellingClusterer().cluster(values: ["Duma", "Douma"], matcher: matcher, decisions: decisions)
        // Duma is decided as the Hama one, Douma is the Damascus suburb: two places, two clusters.
        #expect(clusters.count == 2)
        #expect(Set(clusters.compactMap(\.placeID)) == ["C3017", "C2338"])
    }

    @Test func badInputIsKeptAndDoesNotCrash() {
        let long = String(repeating: "Kafr Nabl ", count: 1_000) + "x"
        let values = [long, "Saraqib\u{0}\u{7}", "Saraqib", "???", "-", "سراقب Saraqib", "\u{200F}\u{200E}", "12", "x"]
        let matcher = Matcher(gazetteer: DecisionsFixture.gazetteer)
        let clusters = SpellingClusterer().cluster(values: values, matcher: matcher)
        let spellings = clusters.flatMap { $0.members.map(\.spelling) }
        // Every cell is a spelling of the output, once, even when it is junk.
        #expect(spellings.count == values.count)
        #expect(Set(spellings) == Set(values))
        let of = Self.clusterOf(clusters)
        #expect(of["???"] != of["-"])
        #expect(of[long] != of["Saraqib"])
    }

    /// Every name of every community, each a cluster of its own place: a stress test for precision (thousands of
    /// look-alike villages, no gazetteer to tell them apart) and for speed.
    @Test func gazetteerNamesWithoutTheGazetteer() throws {
        var owners: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        for place in Files.gazetteer.places where place.kind == .community {
            for name in place.allNames where !name.isEmpty {
                let key = NameKey(name).compact
                owners[key, default: []].insert(place.id)
                names[name] = key
            }
        }
        // Names shared by several places cannot be told apart by their spelling: left out.
        var gold: [String: String] = [:]
        for (name, key) in names where owners[key]!.count == 1 { gold[name] = owners[key]!.first! }
        let start = ContinuousClock.now
        let clusters = SpellingClusterer().cluster(values: gold.keys.sorted(), matcher: nil)
        let elapsed = ContinuousClock.now - start
        let scores = Self.pairScores(gold: gold, clusters: clusters)
        print("gazetteer names: \(gold.count) spellings, \(clusters.count) clusters in \(elapsed); "
            + "pair precision \(scores.precision) recall \(scores.recall)")
        #expect(scores.precision >= 0.6)
        #expect(scores.recall >= 0.45)
    }

    /// 100,000 distinct spellings made from the gazetteer's names with spelling noise (20,000 in a debug build,
    /// where it would take a minute: `swift test -c release --filter aHundredThousand` runs the full size).
    @Test func aHundredThousandSpellings() {
        #if DEBUG
        let size = 20_000
        #else
        let size = 100_000
        #endif
        var generator = SplitMix(seed: 2017)
        let base = Files.gazetteer.places.flatMap { [$0.nameEn, $0.nameAr] }.filter { !$0.isEmpty }
        let vowels: [Character] = ["a", "e", "i", "o", "u", "aa", "ee", "ou"].map { $0.first! }
        var spellings: Set<String> = []
        while spellings.count < size {
            var name = Array(base[Int(generator.next() % UInt64(base.count))])
            switch generator.next() % 4 {
            case 0:
                let vowel = vowels[Int(generator.next() % UInt64(vowels.count))]
                name.insert(vowel, at: Int(generator.next() % UInt64(name.count + 1)))
            case 1: if name.count > 3 { name.remove(at: Int(generator.next() % UInt64(name.count))) }
            case 2: let i = Int(generator.next() % UInt64(name.count)); name.insert(name[i], at: i)
            default: name = Array("al-") + name
            }
            spellings.insert(String(name) + (generator.next() % 3 == 0 ? " \(generator.next() % 50)" : ""))
        }
        let start = ContinuousClock.now
        let clusters = SpellingClusterer().cluster(values: spellings.sorted())
        let elapsed = ContinuousClock.now - start
        print("\(size) spellings: \(clusters.count) clusters in \(elapsed)")
        #expect(clusters.reduce(0) { $0 + $1.members.count } == size)
        #expect(clusters.count > size / 20 && clusters.count < size)
    }
}

extension ClusteringTests {
    /// A small deterministic random number generator for test data.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
