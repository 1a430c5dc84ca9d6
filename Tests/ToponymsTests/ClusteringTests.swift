import Foundation
import GazetteModel
import Testing
import Toponyms

/// Clustering of spellings: unit cases written here, and the pair scores on the shared development set.
@Suite struct ClusteringTests {
    /// Pair precision and recall of `clusters` against gold places, computed as `score_cluster.py` does.
    static func pairScores(gold: [String: String], clusters: [SpellingCluster]) -> (precision: Double, recall: Double) {
        var clusterOf: [String: Int] = [:]
        for cluster in clusters {
            for member in cluster.members where gold[member.spelling] != nil { clusterOf[member.spelling] = cluster.id }
        }
        let names = gold.keys.sorted()
        var samePlace = 0, sameCluster = 0, both = 0
        for i in names.indices {
            for j in (i + 1)..<names.count {
                let place = gold[names[i]] == gold[names[j]]
                let cluster = clusterOf[names[i]] != nil && clusterOf[names[i]] == clusterOf[names[j]]
                if place { samePlace += 1 }
                if cluster { sameCluster += 1 }
                if place && cluster { both += 1 }
            }
        }
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
                let names = cluster.members.map(\.spelling)
                for i in names.indices {
                    for j in (i + 1)..<names.count where SpellingClusterer().sameName(names[i], names[j]) {
                        print("   link \(names[i]) ~ \(names[j])")
                    }
                }
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
    @Test func gazetteerNamesExploration() throws {
        // Every name of every community, gold = the place; names shared by several places are left out.
        var owners: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        for place in Files.gazetteer.places where place.kind == .community {
            for name in place.allNames where !name.isEmpty {
                let key = NameKey(name).compact
                owners[key, default: []].insert(place.id)
                names[name] = key
            }
        }
        var gold: [String: String] = [:]
        for (name, key) in names where owners[key]!.count == 1 { gold[name] = owners[key]!.first! }
        let start = ContinuousClock.now
        let clusters = SpellingClusterer().cluster(values: gold.keys.sorted(), matcher: nil)
        let elapsed = ContinuousClock.now - start
        let scores = Self.pairScores(gold: gold, clusters: clusters)
        print("gazetteer names: \(gold.count) spellings, \(clusters.count) clusters in \(elapsed); "
            + "pair precision \(scores.precision) recall \(scores.recall)")
        var shown = 0
        for cluster in clusters where shown < 40 {
            let places = Set(cluster.members.compactMap { gold[$0.spelling] })
            if places.count > 1 {
                shown += 1
                print("MIXED " + cluster.members.prefix(12).map { "\($0.spelling)=\(gold[$0.spelling]!)" }
                    .joined(separator: ", "))
                let names = cluster.members.map(\.spelling)
                var links = 0
                for i in names.indices {
                    for j in (i + 1)..<names.count where links < 6 && gold[names[i]] != gold[names[j]]
                        && SpellingClusterer().sameName(names[i], names[j]) {
                        print("   link \(names[i]) ~ \(names[j])")
                        links += 1
                    }
                }
            }
        }
    }
}
