import Foundation
import GazetteModel
import Testing
import Toponyms

/// Throughput of the matcher on noisy spellings (40% Arabic script) against 1k, 6k and 60k places. A measurement,
/// not a timed test: it runs only with `TOPONYMS_BENCH=1` (use a release build:
/// `TOPONYMS_BENCH=1 swift test -c release --filter SpeedTests`) and prints names per second and peak memory.
@Suite struct SpeedTests {
    /// A small deterministic generator, so every run measures the same names.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func noisy(_ name: String, _ rng: inout SplitMix) -> String {
        var scalars = Array(name.unicodeScalars)
        guard scalars.count > 3 else { return name }
        let latin = "aeiouyhlrnst".unicodeScalars.map { $0 }
        let arabic = "اويهةنرلت".unicodeScalars.map { $0 }
        let pool = scalars.contains { $0.value >= 0x600 } ? arabic : latin
        for _ in 0..<(rng.below(3)) {
            let i = rng.below(scalars.count)
            switch rng.below(3) {
            case 0: scalars.remove(at: i)
            case 1: scalars.insert(pool[rng.below(pool.count)], at: i)
            default: scalars[i] = pool[rng.below(pool.count)]
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// CPU time of this thread: the machine is shared, so wall time overstates the cost.
    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }

    @Test func throughput() throws {
        guard ProcessInfo.processInfo.environment["TOPONYMS_BENCH"] == "1" else { return }
        let clock = ContinuousClock()
        var started = clock.now
        let text = try Files.text(Files.gazetteerPath)
        let full = try Gazetteer(tsv: text)
        print("load: \(clock.now - started) for \(full.places.count) places")
        started = clock.now
        let fullIndex = MatcherIndex(gazetteer: full)
        print("index: \(clock.now - started)")

        var rng = SplitMix(state: 42)
        var names: [String] = []
        let communities = full.places.filter { $0.kind == .community }
        while names.count < 100_000 {
            let place = communities[rng.below(communities.count)]
            let arabic = rng.below(10) < 4
            let source = arabic ? place.nameAr : (place.alternateNames.first { !$0.unicodeScalars.contains {
                $0.value >= 0x600 } } ?? place.nameEn)
            names.append(Self.noisy(source, &rng))
        }
        let distinct = Set(names).count
        let sizes = (ProcessInfo.processInfo.environment["TOPONYMS_BENCH_SIZES"] ?? "1000,6000,60000")
            .split(separator: ",").compactMap { Int($0) }
        for size in sizes {
            var places: [Place] = []
            if size <= full.places.count {
                places = Array(full.places.prefix(size))
            } else {
                var copy = 0
                while places.count < size {
                    for p in full.places where places.count < size {
                        var q = p
                        if copy > 0 { q.id = "\(p.id)x\(copy)" }
                        places.append(q)
                    }
                    copy += 1
                }
            }
            let index = size == 6_000 ? fullIndex : MatcherIndex(gazetteer: Gazetteer(places: places,
                regions: full.regions))
            let matcher = Matcher(index: index)
            started = clock.now
            let cpuStart = Self.threadCPU()
            var statuses: [MatchStatus: Int] = [:]
            for name in names {
                statuses[matcher.match(name).status, default: 0] += 1
            }
            let seconds = (clock.now - started) / .seconds(1)
            let cpu = Double(Self.threadCPU() - cpuStart) / 1e9
            print("places \(index.gazetteer.places.count): \(Int(Double(names.count) / seconds)) names/s wall, "
                + "\(Int(Double(names.count) / cpu)) names/s of CPU time "
                + "(\(distinct) distinct of \(names.count)), statuses \(statuses.sorted { $0.key.rawValue < $1.key.rawValue }), "
                + "peak memory \(Int(Self.peakMemoryMB())) MB")
        }
    }
}
