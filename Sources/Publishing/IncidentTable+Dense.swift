import DelimitedText
import Dispatch
import GazetteModel
import Tally

// The dense path of `gazette tally --csv-only`: sums kept in arrays indexed by small numbers (period, group value)
// instead of hashed cells, and distinct documents counted after the pass instead of numbered during it.
//
// Numbering 1.3 million document references during the pass cost a cache miss each (one hash table of every
// document, larger than the caches). Here each reference becomes a 128-bit key written to one of many partitions
// chosen by the key's hash; a document's references all land in one partition, so a partition's distinct
// documents per cell are counted with a table that fits in the cache, and partitions are counted in parallel.

extension IncidentTable {
    /// What the dense path needs to know of the groupings; nil when one of them does not fit (places, several
    /// dimensions, different periods or ranges): those take `FastTally`.
    struct DensePlan: Sendable {
        let columns: Columns
        let period: Period
        let from: CivilDate?
        let to: CivilDate?
        /// The columns read as group values, each once (nil: not in the file, always empty).
        let slotColumns: [Int?]
        /// Per grouping: the slot of its dimension, or nil for a grouping without dimensions.
        let slotOfGrouping: [Int?]
        let dimensionOfGrouping: [Dimension?]

        init?(groupings: [Grouping], columns: Columns) {
            guard let first = groupings.first, columns.date != nil else { return nil }
            var slots: [Int?] = []
            var slotOf: [Int?] = []
            var dims: [Dimension?] = []
            for g in groupings {
                guard g.period == first.period, g.from == first.from, g.to == first.to, g.dimensions.count <= 1
                else { return nil }
                guard let d = g.dimensions.first else {
                    slotOf.append(nil)
                    dims.append(nil)
                    continue
                }
                let column: Int?
                switch d {
                case .governorate: column = columns.governorate
                case .district: column = columns.placeID
                case .perpetrator: column = columns.perpetrator
                case .weapon: column = columns.weapon
                case .place: return nil
                }
                if let s = slots.firstIndex(where: { $0 == column }) {
                    slotOf.append(s)
                } else {
                    slotOf.append(slots.count)
                    slots.append(column)
                }
                dims.append(d)
            }
            self.columns = columns
            period = first.period
            from = first.from
            to = first.to
            slotColumns = slots
            slotOfGrouping = slotOf
            dimensionOfGrouping = dims
        }
    }

    /// Sums of one cell; an open high bound is a flag, so that the sums are plain additions.
    struct Sums: Sendable {
        var incidents = 0
        var killedLow = 0
        var killedHigh = 0
        var injuredLow = 0
        var injuredHigh = 0
        var killedOpen = false
        var injuredOpen = false

        @inline(__always)
        mutating func add(_ kl: Int?, _ kh: Int?, _ il: Int?, _ ih: Int?) {
            incidents &+= 1
            killedLow &+= kl ?? 0
            if let kh { killedHigh &+= kh } else { killedOpen = true }
            injuredLow &+= il ?? 0
            if let ih { injuredHigh &+= ih } else { injuredOpen = true }
        }

        mutating func add(_ o: Sums) {
            incidents &+= o.incidents
            killedLow &+= o.killedLow
            killedHigh &+= o.killedHigh
            injuredLow &+= o.injuredLow
            injuredHigh &+= o.injuredHigh
            killedOpen = killedOpen || o.killedOpen
            injuredOpen = injuredOpen || o.injuredOpen
        }

        func figures(documents: Int) -> Figures {
            Figures(
                incidents: incidents, killedLow: killedLow, killedHigh: killedOpen ? nil : killedHigh,
                injuredLow: injuredLow, injuredHigh: injuredOpen ? nil : injuredHigh, documents: documents)
        }
    }

    /// One reference from a row to a document: the document's key (its bytes when they fit, else a 120-bit
    /// hash of them), the row's period and its combination of group values, numbered by the worker.
    struct DocumentReference: Sendable {
        var a: UInt64
        var b: UInt64
        var period: Int32
        var combo: Int32
    }

    /// One worker's sums and document references over its parts of the file.
    struct DenseWorker: Sendable {
        let plan: DensePlan
        /// Periods numbered as they come.
        var periods: [PeriodKey] = []
        var periodNumbers: [PeriodKey: Int32] = [:]
        /// Dates seen → period number + 2 (1: out of range, 0: not seen), indexed by year (from `firstYear`, a
        /// window of `dateYears`), month and day: the dates of a table are few and close together, so the entries
        /// in use share a few cache lines (a hashed cache spread them over the whole table, a miss per row).
        var datePeriods: [Int32]
        var firstYear = Int.min
        static let dateYears = 128
        /// Per slot: its values numbered by bytes, and sums at [value * periodCapacity + period].
        var values: [ByteInterner]
        var sums: [[Sums]]
        var periodCapacity = 16
        /// Sums per period, kept row by row only when no column is read (else `finish` adds up the cells).
        var periodSums: [Sums] = []
        var undated = 0
        var outOfRange = 0
        /// Combinations of values of several slots, numbered (only with two or more slots).
        var comboNumbers: [[Int32]: Int32] = [:]
        var combos: [[Int32]] = []
        var rowValues: [Int32]
        /// References by partition (the high bits of the key's hash).
        let partitions: PartitionStore
        let partitionShift: UInt64
        private var scratch: [UInt8] = []

        init(plan: DensePlan, partitionBits: Int, expectedReferences: Int) {
            self.plan = plan
            datePeriods = [Int32](repeating: 0, count: DenseWorker.dateYears * 372)
            values = plan.slotColumns.map { _ in ByteInterner(capacity: 64) }
            sums = plan.slotColumns.map { _ in [] }
            rowValues = [Int32](repeating: 0, count: plan.slotColumns.count)
            let count = 1 << partitionBits
            partitionShift = UInt64(64 - partitionBits)
            partitions = PartitionStore(
                count: count, capacity: expectedReferences / count + expectedReferences / count / 4 + 64)
        }

        /// The sums of each period from those of its cells (when a column is read).
        mutating func finish() {
            guard !plan.slotColumns.isEmpty else { return }
            for v in 0..<values[0].count {
                for p in periods.indices { periodSums[p].add(sums[0][v * periodCapacity + p]) }
            }
        }

        /// The period number of a row's date (-1: out of range), numbering a new period.
        @inline(__always)
        private mutating func periodNumber(_ row: CSVRecordView, _ i: Int, origin: String) throws(ReadError) -> Int32 {
            guard let d = row.isoDate(i) else {
                throw ReadError(
                    origin: origin, line: row.line, message: "'\(row.string(i))' is not a date (YYYY-MM-DD)")
            }
            if firstYear == Int.min { firstYear = d.year - DenseWorker.dateYears / 2 }
            var slot = -1
            if d.year >= firstYear, d.year - firstYear < DenseWorker.dateYears {
                slot = (d.year - firstYear) * 372 + (d.month - 1) * 31 + d.day - 1
                let known = datePeriods[slot]
                if known != 0 { return known - 2 }
            }
            guard let date = CivilDate(year: d.year, month: d.month, day: d.day) else {
                throw ReadError(
                    origin: origin, line: row.line, message: "'\(row.string(i))' is not a date (YYYY-MM-DD)")
            }
            var n: Int32 = -1
            if !(plan.from.map { date < $0 } ?? false), !(plan.to.map { $0 < date } ?? false) {
                let key = plan.period.containing(date)
                if let known = periodNumbers[key] {
                    n = known
                } else {
                    n = Int32(periods.count)
                    periodNumbers[key] = n
                    periods.append(key)
                    periodSums.append(Sums())
                    if periods.count > periodCapacity { growPeriods() }
                }
            }
            if slot >= 0 { datePeriods[slot] = n + 2 }
            return n
        }

        private mutating func growPeriods() {
            let old = periodCapacity
            periodCapacity *= 2
            for s in sums.indices {
                var fresh = [Sums](repeating: Sums(), count: sums[s].count / old * periodCapacity)
                for v in 0..<(sums[s].count / old) {
                    for p in 0..<old { fresh[v * periodCapacity + p] = sums[s][v * old + p] }
                }
                sums[s] = fresh
            }
        }

        /// The number of field `i`'s text among the values of slot `s` (an absent field is empty).
        @inline(__always)
        private mutating func valueNumber(_ row: CSVRecordView, _ s: Int, _ i: Int?) -> Int32 {
            let n: Int32
            if let i, i < row.count {
                if row.hasDoubledQuotes(i) {
                    var text = row.string(i)
                    n = text.withUTF8 { values[s].intern($0).number }
                } else {
                    n = row.withBytes(i) { values[s].intern($0).number }
                }
            } else {
                n = values[s].intern(UnsafeBufferPointer(start: nil, count: 0)).number
            }
            if (Int(n) + 1) * periodCapacity > sums[s].count {
                sums[s] += repeatElement(Sums(), count: periodCapacity)
            }
            return n
        }

        /// `IncidentTable.number` for a CSV view, not generic, so that the reading of digits is inlined.
        @inline(__always)
        private func number(_ row: CSVRecordView, _ i: Int?, origin: String) throws(ReadError) -> Int? {
            guard let i, i < row.count, !row.isEmpty(i) else { return nil }
            if let n = row.integer(i) { return n }
            throw ReadError(origin: origin, line: row.line, message: "'\(row.string(i))' is not a whole number")
        }

        mutating func add(_ row: CSVRecordView, origin: String) throws(ReadError) {
            let c = plan.columns
            let dateColumn = c.date!
            guard dateColumn < row.count, !row.isEmpty(dateColumn) else {
                // Numbers are still checked, as on the other paths.
                _ = try number(row, c.killedLow, origin: origin)
                _ = try number(row, c.killedHigh, origin: origin)
                _ = try number(row, c.injuredLow, origin: origin)
                _ = try number(row, c.injuredHigh, origin: origin)
                undated += 1
                return
            }
            let p = try periodNumber(row, dateColumn, origin: origin)
            let kl = try number(row, c.killedLow, origin: origin)
            var kh = try number(row, c.killedHigh, origin: origin)
            let il = try number(row, c.injuredLow, origin: origin)
            var ih = try number(row, c.injuredHigh, origin: origin)
            // A high bound below the low bound is no bound (`IncidentTable.count`).
            if let h = kh, let l = kl, h < l { kh = nil }
            if let h = ih, let l = il, h < l { ih = nil }
            guard p >= 0 else {
                outOfRange += 1
                return
            }
            // With a column read, the period's and overall sums are those of its cells, added up at the end.
            if plan.slotColumns.isEmpty { periodSums[Int(p)].add(kl, kh, il, ih) }
            var combo: Int32 = 0
            for s in plan.slotColumns.indices {
                let v = valueNumber(row, s, plan.slotColumns[s])
                sums[s][Int(v) * periodCapacity + Int(p)].add(kl, kh, il, ih)
                rowValues[s] = v
                combo = v
            }
            if rowValues.count > 1 {
                if let n = comboNumbers[rowValues] {
                    combo = n
                } else {
                    combo = Int32(combos.count)
                    comboNumbers[rowValues] = combo
                    combos.append(rowValues)
                }
            }
            readDocuments(row, period: p, combo: combo)
        }

        /// The row's documents: its sources split at `;`, each trimmed of spaces, tabs and CRs, empties left out
        /// (as `FastTally` reads them).
        /// A row that names no document counts under its stand-in (`IncidentTable.standIn`).
        @inline(__always)
        private mutating func readDocuments(_ row: CSVRecordView, period: Int32, combo: Int32) {
            var found = false
            if let i = plan.columns.sources, i < row.count, !row.isEmpty(i) {
                if row.hasDoubledQuotes(i) {
                    scratch = Array(row.string(i).utf8)
                    found = scratch.withUnsafeBufferPointer { split($0, period: period, combo: combo) }
                } else {
                    found = row.withBytes(i) { split($0, period: period, combo: combo) }
                }
            }
            if !found {
                var name = IncidentTable.standIn(row, plan.columns)
                name.withUTF8 { append(DocumentKey.make($0), period: period, combo: combo) }
            }
        }

        @inline(__always)
        private mutating func append(_ key: (a: UInt64, b: UInt64), period: Int32, combo: Int32) {
            let part = Int(truncatingIfNeeded: DocumentKey.hash(key.a, key.b) >> partitionShift)
            partitions.append(part, DocumentReference(a: key.a, b: key.b, period: period, combo: combo))
        }

        /// Appends the documents of a sources field; whether there was one.
        @inline(__always)
        private mutating func split(_ field: UnsafeBufferPointer<UInt8>, period: Int32, combo: Int32) -> Bool {
            var found = false
            var start = 0
            let count = field.count
            while start <= count {
                var end = start
                while end < count, field[end] != UInt8(ascii: ";") { end &+= 1 }
                var a = start
                var b = end
                while a < b, field[a] == 0x20 || field[a] == 0x09 || field[a] == 0x0D { a &+= 1 }
                while b > a, field[b &- 1] == 0x20 || field[b &- 1] == 0x09 || field[b &- 1] == 0x0D { b &-= 1 }
                if a < b {
                    append(DocumentKey.make(UnsafeBufferPointer(rebasing: field[a..<b])), period: period, combo: combo)
                    found = true
                }
                start = end &+ 1
            }
            return found
        }
    }

    /// The references of one worker by partition: a region of fixed size per partition in one allocation, and
    /// a list for what does not fit (keys are hashed, so partitions fill evenly and that list stays short).
    /// One cursor array for all partitions: appending touches the cursor and the partition's tail only, where
    /// an array per partition also read its header (a cache miss per reference, 10% of the time).
    final class PartitionStore: @unchecked Sendable {
        // Written by one worker, read by the merge only after the worker has finished.
        private let base: UnsafeMutablePointer<DocumentReference>
        private let counts: UnsafeMutablePointer<Int>
        private let capacity: Int
        private var overflow: [[DocumentReference]]
        let count: Int

        private let bytes: Int

        init(count: Int, capacity: Int) {
            self.count = count
            self.capacity = capacity
            // Pages not written are not resident: the region is sized for the expected input, not filled.
            bytes = count * capacity * MemoryLayout<DocumentReference>.stride
            base = PartitionStore.allocateRegion(bytes).bindMemory(
                to: DocumentReference.self, capacity: count * capacity)
            counts = .allocate(capacity: count)
            counts.initialize(repeating: 0, count: count)
            overflow = Array(repeating: [], count: count)
        }

        deinit {
            PartitionStore.freeRegion(UnsafeMutableRawPointer(base), bytes)
            counts.deallocate()
        }

        private static func allocateRegion(_ bytes: Int) -> UnsafeMutableRawPointer {
            .allocate(byteCount: max(bytes, 1), alignment: 16)
        }

        private static func freeRegion(_ p: UnsafeMutableRawPointer, _ bytes: Int) { p.deallocate() }

        @inline(__always)
        func append(_ part: Int, _ r: DocumentReference) {
            let n = counts[part]
            if n < capacity {
                (base + part * capacity + n).initialize(to: r)
                counts[part] = n + 1
            } else {
                overflow[part].append(r)
            }
        }

        /// How many references partition `part` holds.
        func size(_ part: Int) -> Int { counts[part] + overflow[part].count }

        func forEach(_ part: Int, _ body: (DocumentReference) -> Void) {
            for r in UnsafeBufferPointer(start: base + part * capacity, count: counts[part]) { body(r) }
            overflow[part].forEach(body)
        }
    }

    /// Keys of document names: the bytes themselves for names up to 15 bytes (exact), else two independent
    /// 64-bit hashes, 120 bits kept (two names collide with a probability of about n² / 2¹²¹).
    enum DocumentKey {
        @inline(__always)
        static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> (a: UInt64, b: UInt64) {
            let n = bytes.count
            if n <= 15 {
                var a: UInt64 = 0
                var b: UInt64 = 0
                var i = 0
                while i < min(n, 8) {
                    a |= UInt64(bytes[i]) << (8 * UInt64(i))
                    i &+= 1
                }
                while i < n {
                    b |= UInt64(bytes[i]) << (8 * UInt64(i &- 8))
                    i &+= 1
                }
                return (a, b | UInt64(n) << 56)
            }
            let h1 = long(bytes, seed: 0x243F_6A88_85A3_08D3)
            let h2 = long(bytes, seed: 0x1319_8A2E_0370_7344)
            return (h1, h2 | 0xFF00_0000_0000_0000)
        }

        @inline(__always)
        static func mix(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let r = x.multipliedFullWidth(by: y)
            return r.high ^ r.low
        }

        static func long(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
            var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var i = 0
            var word: UInt64 = 0
            var filled: UInt64 = 0
            while i < bytes.count {
                word |= UInt64(bytes[i]) << (8 * filled)
                filled &+= 1
                i &+= 1
                if filled == 8 {
                    h = mix(h ^ word, 0xA076_1D64_78BD_642F)
                    word = 0
                    filled = 0
                }
            }
            if filled > 0 { h = mix(h ^ word, 0xE703_7ED1_A0B4_28DB) }
            return mix(h, 0x8EBC_6AF0_9C88_C6E3)
        }

        /// A hash of a key, for partitions (high bits) and tables (low bits).
        @inline(__always)
        static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
            mix(a ^ 0x2D35_8DCC_AA6C_78A5, b ^ 0x8BB8_4B93_962E_ACC9)
        }
    }

    /// Tallies with the dense path: `plan`'s groupings over `chunks` of `input`, `workers` threads.
    static func denseTally(
        input: UnsafeBufferPointer<UInt8>, chunks: [CSVChunk], headerOffset: Int, plan: DensePlan,
        groupings: [Grouping], options: CSVReader.Options, workers: Int, origin: String,
        areInIncreasingOrder: (String, String) -> Bool, release: (@Sendable (Range<Int>) -> Void)?
    ) throws -> [TallyTable] {
        // Partitions of at most ~16,000 expected references (a reference per ~40 bytes of input, an overestimate):
        // few enough that appends stay in cached pages, small enough that counting one stays in the cache.
        let expected = input.count / 40
        var bits = 0
        while bits < 12, (expected >> bits) > 16384 { bits += 1 }
        let partitionBits = bits
        let results = Results<DenseWorker>(count: workers)
        nonisolated(unsafe) let input = input
        let work: @Sendable (Int) -> Void = { w in
            var state = DenseWorker(plan: plan, partitionBits: partitionBits, expectedReferences: expected / workers)
            do {
                for i in stride(from: w, to: chunks.count, by: workers) {
                    try CSVReader.scan(buffer: input, chunk: chunks[i], options: options) { row in
                        if row.byteOffset == headerOffset { return }
                        try state.add(row, origin: origin)
                    }
                    release?(chunks[i].range)
                }
                state.finish()
                results.set(w, .success(state))
            } catch {
                results.set(w, .failure(error))
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        var parts: [DenseWorker] = []
        for result in results.all {
            switch result {
            case .success(let part): parts.append(part)
            case .failure(let e): throw e
            case nil: break
            }
        }
        return DenseMerge(plan: plan, groupings: groupings, workers: parts, partitionBits: bits)
            .tables(threads: workers, areInIncreasingOrder: areInIncreasingOrder)
    }

    /// The workers' numbers made global, their sums added, and their references counted by partition.
    struct DenseMerge: Sendable {
        let plan: DensePlan
        let groupings: [Grouping]
        let workers: [DenseWorker]
        let partitionCount: Int
        var builders: [TallyBuilder]
        /// Global periods; per worker, its period number → global.
        var periods: [PeriodKey] = []
        var periodMaps: [[Int32]] = []
        /// Per worker, its combination number → per grouping, the group number (row-major: combo * groupings).
        var comboGroups: [[Int32]] = []
        /// Per grouping without dimensions, its one group (-1 for the others).
        let noneGroups: [Int32]
        /// Per grouping, the number of groups (for dense cells of documents).
        var groupCounts: [Int]

        init(plan: DensePlan, groupings: [Grouping], workers: [DenseWorker], partitionBits: Int) {
            self.plan = plan
            self.groupings = groupings
            self.workers = workers
            partitionCount = 1 << partitionBits
            builders = groupings.map { TallyBuilder(grouping: $0, keepsTrace: false) }
            groupCounts = groupings.map { _ in 0 }
            var periodNumbers: [PeriodKey: Int32] = [:]
            for w in workers {
                var map: [Int32] = []
                for key in w.periods {
                    if let n = periodNumbers[key] {
                        map.append(n)
                    } else {
                        let n = Int32(periods.count)
                        periodNumbers[key] = n
                        periods.append(key)
                        map.append(n)
                    }
                }
                periodMaps.append(map)
            }
            // Group numbers of each worker's values, per grouping; values of one text share a group.
            var noneGroups: [Int32] = []
            for k in groupings.indices {
                noneGroups.append(plan.slotOfGrouping[k] == nil ? Int32(builders[k].groupNumber([])) : -1)
                groupCounts[k] = Int(noneGroups[k]) + 1
            }
            self.noneGroups = noneGroups
            for w in workers {
                var groupOfValue: [[Int32]] = Array(repeating: [], count: groupings.count)
                for k in groupings.indices {
                    guard let s = plan.slotOfGrouping[k], let d = plan.dimensionOfGrouping[k] else {
                        groupOfValue[k] = [noneGroups[k]]
                        continue
                    }
                    groupOfValue[k] = (0..<Int32(w.values[s].count)).map { v in
                        let text = String(decoding: w.values[s].bytes(of: v), as: UTF8.self)
                        let value = FastTally.groupValue(d, text, grouping: groupings[k])
                        return Int32(builders[k].groupNumber([value]))
                    }
                }
                // A worker's combinations: one slot → its value numbers; none → 0; several → `combos`.
                let comboCount: Int
                switch plan.slotColumns.count {
                case 0: comboCount = 1
                case 1: comboCount = w.values[0].count
                default: comboCount = w.combos.count
                }
                var table = [Int32](repeating: 0, count: comboCount * groupings.count)
                for combo in 0..<comboCount {
                    for k in groupings.indices {
                        let g: Int32
                        if let s = plan.slotOfGrouping[k] {
                            let v = plan.slotColumns.count == 1 ? Int32(combo) : w.combos[combo][s]
                            g = groupOfValue[k][Int(v)]
                        } else {
                            g = groupOfValue[k][0]
                        }
                        table[combo * groupings.count + k] = g
                    }
                }
                comboGroups.append(table)
            }
            for table in comboGroups {
                for (i, g) in table.enumerated() {
                    groupCounts[i % groupings.count] = max(groupCounts[i % groupings.count], Int(g) + 1)
                }
            }
        }

        /// Distinct documents per period, per cell of each grouping (period * groups + group), and overall.
        struct DocumentCounts: Sendable {
            var periods: [Int]
            var cells: [[Int]]
            var overall = 0

            mutating func add(_ o: DocumentCounts) {
                for i in periods.indices { periods[i] += o.periods[i] }
                for k in cells.indices { for i in cells[k].indices { cells[k][i] += o.cells[k][i] } }
                overall += o.overall
            }
        }

        /// Counts the partitions `range` of every worker.
        func countDocuments(_ partitions: StrideTo<Int>) -> DocumentCounts {
            let periodCount = periods.count
            let kCount = groupings.count
            // Cells of every grouping in one flat range: grouping k's cell (p, g) is at offset[k] + p * groups + g.
            var offsets: [Int] = []
            var cellCount = 0
            for k in 0..<kCount {
                offsets.append(cellCount)
                cellCount += periodCount * groupCounts[k]
            }
            var largest = 0
            for part in partitions { largest = max(largest, workers.reduce(0) { $0 + $1.partitions.size(part) }) }
            var tableSize = 16
            while tableSize < largest * 2 { tableSize <<= 1 }
            // Scratch for one partition at a time, allocated once: appends to arrays cost a uniqueness check each.
            let cellCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(cellCount, 1))
            let cellMarks = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(cellCount, 1))
            let periodCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(periodCount, 1))
            let periodMarks = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(periodCount, 1))
            let keysA = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(largest, 1))
            let keysB = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(largest, 1))
            let periodOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(largest, 1))
            let cellsOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(largest * kCount, 1))
            let next = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(largest, 1))
            let table = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tableSize)
            defer {
                for p in [cellCounts, periodCounts] as [UnsafeMutableBufferPointer<Int>] { p.deallocate() }
                for p in [cellMarks, periodMarks, periodOf, cellsOf, next, table] { p.deallocate() }
                keysA.deallocate()
                keysB.deallocate()
            }
            cellCounts.initialize(repeating: 0)
            cellMarks.initialize(repeating: 0)
            periodCounts.initialize(repeating: 0)
            periodMarks.initialize(repeating: 0)
            var overall = 0
            // The document last counted in each period and cell (serial numbers from 1).
            var serial: Int32 = 0
            for part in partitions {
                var n = 0
                for (w, worker) in workers.enumerated() {
                    let pmap = periodMaps[w]
                    let cmap = comboGroups[w]
                    worker.partitions.forEach(part) { r in
                        keysA[n] = r.a
                        keysB[n] = r.b
                        let p = Int(pmap[Int(r.period)])
                        periodOf[n] = Int32(p)
                        let base = Int(r.combo) * kCount
                        for k in 0..<kCount {
                            cellsOf[n * kCount + k] = Int32(offsets[k] + p * groupCounts[k] + Int(cmap[base + k]))
                        }
                        n += 1
                    }
                }
                if n == 0 { continue }
                var size = 16
                while size < n * 2 { size <<= 1 }
                let mask = size - 1
                UnsafeMutableBufferPointer(rebasing: table[..<size]).update(repeating: -1)
                UnsafeMutableBufferPointer(rebasing: next[..<n]).update(repeating: -1)
                // Chain each reference after the first of its key.
                for i in 0..<n {
                    let a = keysA[i]
                    let b = keysB[i]
                    var slot = Int(truncatingIfNeeded: DocumentKey.hash(a, b)) & mask
                    while true {
                        let j = Int(table[slot])
                        if j < 0 {
                            table[slot] = Int32(i)
                            break
                        }
                        if keysA[j] == a, keysB[j] == b {
                            next[i] = next[j]
                            next[j] = Int32(i)
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
                for s in 0..<size where table[s] >= 0 {
                    serial += 1
                    overall += 1
                    var r = Int(table[s])
                    while r >= 0 {
                        let p = Int(periodOf[r])
                        if periodMarks[p] != serial {
                            periodMarks[p] = serial
                            periodCounts[p] += 1
                        }
                        for k in 0..<kCount {
                            let cell = Int(cellsOf[r * kCount + k])
                            if cellMarks[cell] != serial {
                                cellMarks[cell] = serial
                                cellCounts[cell] += 1
                            }
                        }
                        r = Int(next[r])
                    }
                }
            }
            return DocumentCounts(
                periods: Array(UnsafeMutableBufferPointer(rebasing: periodCounts[..<periodCount])),
                cells: (0..<kCount).map { k in
                    Array(cellCounts[offsets[k]..<(offsets[k] + periodCount * groupCounts[k])])
                },
                overall: overall)
        }

        func tables(threads: Int, areInIncreasingOrder: (String, String) -> Bool) -> [TallyTable] {
            let threads = max(1, min(threads, partitionCount))
            let results = Results<DocumentCounts>(count: threads)
            let count = partitionCount
            let work: @Sendable (Int) -> Void = { t in
                results.set(t, .success(countDocuments(stride(from: t, to: count, by: threads))))
            }
            if threads == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: work) }
            var documents: DocumentCounts?
            for case .success(let c)? in results.all {
                if documents == nil { documents = c } else { documents!.add(c) }
            }
            let docs = documents!
            // Sums made global: per grouping, cells (period * groups + group).
            var cellSums = groupCounts.map { [Sums](repeating: Sums(), count: periods.count * $0) }
            var periodSums = [Sums](repeating: Sums(), count: periods.count)
            var overall = Sums()
            var undated = 0
            var outOfRange = 0
            for (w, worker) in workers.enumerated() {
                let pmap = periodMaps[w]
                undated += worker.undated
                outOfRange += worker.outOfRange
                for (p, s) in worker.periodSums.enumerated() {
                    periodSums[Int(pmap[p])].add(s)
                    overall.add(s)
                }
                for k in groupings.indices {
                    let groups = groupCounts[k]
                    guard let slot = plan.slotOfGrouping[k] else {
                        let g = Int(noneGroups[k])
                        for (p, s) in worker.periodSums.enumerated() {
                            cellSums[k][Int(pmap[p]) * groups + g].add(s)
                        }
                        continue
                    }
                    let groupOf = self.valueGroups(worker: w, slot: slot, grouping: k)
                    let capacity = worker.periodCapacity
                    for v in 0..<worker.values[slot].count {
                        let g = Int(groupOf[v])
                        for p in 0..<worker.periods.count {
                            let s = worker.sums[slot][v * capacity + p]
                            if s.incidents > 0 { cellSums[k][Int(pmap[p]) * groups + g].add(s) }
                        }
                    }
                }
            }
            var builders = self.builders
            for k in groupings.indices {
                let groups = groupCounts[k]
                for p in periods.indices {
                    for g in 0..<groups where cellSums[k][p * groups + g].incidents > 0 {
                        let cell = p * groups + g
                        builders[k].add(
                            period: periods[p], groupNumber: g,
                            summed: cellSums[k][cell].figures(documents: docs.cells[k][cell]))
                    }
                    builders[k].add(period: periods[p], summedTotal: periodSums[p].figures(documents: docs.periods[p]))
                }
                builders[k].add(
                    summedOverall: overall.figures(documents: docs.overall), undated: undated,
                    outOfRange: outOfRange)
            }
            return builders.map { $0.table(areInIncreasingOrder: areInIncreasingOrder) }
        }

        /// Worker `w`'s value numbers of `slot` → group numbers of grouping `k`.
        private func valueGroups(worker w: Int, slot: Int, grouping k: Int) -> [Int32] {
            let table = comboGroups[w]
            let kCount = groupings.count
            if plan.slotColumns.count == 1 {
                return (0..<workers[w].values[slot].count).map { table[$0 * kCount + k] }
            }
            // Several slots: a value's group is that of any combination holding it.
            var out = [Int32](repeating: 0, count: workers[w].values[slot].count)
            for (c, combo) in workers[w].combos.enumerated() { out[Int(combo[slot])] = table[c * kCount + k] }
            return out
        }
    }
}

