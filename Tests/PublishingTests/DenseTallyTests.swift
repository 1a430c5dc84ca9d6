import DelimitedText
import GazetteModel
import Publishing
import Tally
import Testing

/// The dense path of `IncidentTable.tally(buffer:...)` (groupings of at most one column each, one period) against
/// the event path (`incidents` → `Event.each` → `Tally.table`) on a generated table full of edge cases.
@Suite struct DenseTallyTests {
    /// A deterministic table of `rows` rows: BOM, CRLF, quoted names with commas, line breaks and doubled quotes,
    /// empty and open bounds, undated rows, repeated event ids, one to four sources per row (some quoted, padded,
    /// empty, or longer than 15 bytes), documents shared across months and governorates, perpetrators and
    /// weapons `unknown` in two spellings, padded, or with the words as written in brackets.
    static func table(rows: Int, seed: UInt64 = 7) -> [UInt8] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let governorates = [
            "Idlib", "Aleppo", "\"Rural Damascus, east\"", "\"Hama\nnorth\"", "حلب", "\"Dar'a \"\"south\"\"\"", "",
        ]
        let perpetrators = [
            "regime forces", "unknown", "Unknown", "\"isis, cell\"", "", "Russian air force [jets]; unknown",
            " regime forces ",
        ]
        let weapons = ["shelling", "airstrike", "\"car bomb\r\nnight\"", "", "unknown", "shelling [mortars]"]
        var text = "\u{FEFF}event_id,date,place_id,governorate,killed_low,killed_high,injured_low,injured_high,"
            + "perpetrator,weapon,sources\r\n"
        for i in 0..<rows {
            let year = 2016 + next(3)
            let month = next(12) + 1
            let day = next(28) + 1
            let date = next(200) == 0 ? "" : "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let low = next(10) == 0 ? "" : String(next(30))
            let high = next(50) == 0 ? "" : String(next(40))
            let injuredLow = next(20) == 0 ? "" : String(next(60))
            let injuredHigh = next(30) == 0 ? "" : String(next(70))
            var sources: [String] = []
            for _ in 0...next(4) {
                let n = next(rows / 3 + 1)
                switch next(6) {
                case 0: sources.append("a-very-long-document-name-\(n)")
                case 1: sources.append(" d\(n) ")
                case 2: sources.append("")
                default: sources.append("d\(n)")
                }
            }
            var cell = sources.joined(separator: ";")
            if next(8) == 0 { cell = "\"" + cell + ";\"\"q\(next(5))\"\"\"" }
            text += "E\(i % 997),\(date),C\(1000 + next(40)),\(governorates[next(governorates.count)]),"
                + "\(low),\(high),\(injuredLow),\(injuredHigh),\(perpetrators[next(perpetrators.count)]),"
                + "\(weapons[next(weapons.count)]),\(cell)\r\n"
        }
        return Array(text.utf8)
    }

    static let districts = Dictionary(uniqueKeysWithValues: (1000..<1040).map { ("C\($0)", "D\($0 % 7)") })

    static func expectSame(_ fast: TallyTable, _ slow: TallyTable) {
        #expect(fast.periods == slow.periods)
        #expect(fast.rows.map(\.period) == slow.rows.map(\.period))
        #expect(fast.rows.map(\.groups) == slow.rows.map(\.groups))
        #expect(fast.rows.map(\.figures) == slow.rows.map(\.figures))
        #expect(fast.periodTotals.map(\.figures) == slow.periodTotals.map(\.figures))
        #expect(fast.total == slow.total)
        #expect(fast.undated.count == slow.undated.count)
        #expect(fast.outOfRange.count == slow.outOfRange.count)
    }

    /// Every period kind, several columns at once (each grouping one dimension), a range that leaves rows out,
    /// 1–3 threads over an input large enough for many parts (pages given back as they are read).
    @Test(arguments: [
        (Period.month, 1), (.month, 2), (.day, 3), (.week, 2), (.quarter, 1), (.year, 2),
    ])
    func denseEqualsTheEventPath(period: Period, threads: Int) throws {
        let text = Self.table(rows: 6000)
        #expect(text.count > 1 << 18)
        let from = CivilDate(year: 2016, month: 3, day: 10)
        let to = CivilDate(year: 2018, month: 10, day: 2)
        let dimensions: [[Dimension]] = [[], [.governorate], [.perpetrator], [.weapon], [.district], [.governorate]]
        let groupings = dimensions.enumerated().map { i, d in
            Grouping(
                period: period, dimensions: d, from: from, to: to, emptyPeriods: i == 5 ? .everyGroup : .zeroRow,
                districtOfPlace: Self.districts)
        }
        let fast = try text.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(buffer: buffer, origin: "t.csv", groupings: groupings, threads: threads)
        }
        let events = Event.each(try IncidentTable.incidents(text, origin: "t.csv"))
        #expect(events.count == 6000)
        for (table, grouping) in zip(fast, groupings) {
            Self.expectSame(table, Tally.table(events, grouping: grouping))
        }
        // The table has what the comparison is meant to cover.
        #expect(fast[0].undated.count > 0 && fast[0].outOfRange.count > 0)
        #expect(fast[0].rows.contains { $0.figures.killedHigh == nil })
        #expect(fast[1].rows.contains { $0.groups == [GroupValue("Hama\nnorth")] })
        #expect(fast[1].rows.contains { $0.groups == [GroupValue("Dar'a \"south\"")] })
        #expect(fast[2].rows.allSatisfy { $0.groups != [GroupValue("Unknown")] })
        #expect(fast[2].rows.contains { $0.groups == [GroupValue("Russian air force")] })
        #expect(fast[3].rows.allSatisfy { $0.groups != [GroupValue("unknown")] })
    }

    /// Groupings the dense path does not take (places, two dimensions) go the other fast path, which reads
    /// the same table the same way.
    @Test(arguments: [1, 2])
    func otherGroupingsEqualTheEventPath(threads: Int) throws {
        let text = Self.table(rows: 5000, seed: 9)
        let groupings = [
            Grouping(period: .month), Grouping(period: .quarter, dimensions: [.place]),
            Grouping(period: .year, dimensions: [.governorate, .perpetrator]),
        ]
        let fast = try text.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(buffer: buffer, origin: "t.csv", groupings: groupings, threads: threads)
        }
        let events = Event.each(try IncidentTable.incidents(text, origin: "t.csv"))
        for (table, grouping) in zip(fast, groupings) {
            Self.expectSame(table, Tally.table(events, grouping: grouping))
        }
    }

    /// Rows naming many short documents, far more references than the size of the input suggests: the
    /// partitions' regions overflow into their lists, and every reference still counts.
    @Test(arguments: [1, 2])
    func manyDocumentsPerRow(threads: Int) throws {
        var text = "event_id,date,governorate,killed_low,sources\n"
        for i in 0..<3000 {
            let documents = (0..<40).map { "\(($0 * 7 + i) % 500)" }.joined(separator: ";")
            text += "E\(i),2017-0\(i % 9 + 1)-1\(i % 9),G\(i % 3),\(i % 5),\(documents)\n"
        }
        let bytes = Array(text.utf8)
        let groupings = [Grouping(period: .month), Grouping(period: .month, dimensions: [.governorate])]
        let fast = try bytes.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(buffer: buffer, origin: "t.csv", groupings: groupings, threads: threads)
        }
        let events = Event.each(try IncidentTable.incidents(bytes, origin: "t.csv"))
        for (table, grouping) in zip(fast, groupings) {
            Self.expectSame(table, Tally.table(events, grouping: grouping))
        }
        #expect(fast[0].total.documents == 500)
    }

    /// One grouping alone, on a larger table, with pages given back as the parts are read.
    @Test(arguments: [1, 2])
    func oneGroupingInParts(threads: Int) throws {
        let text = Self.table(rows: 20000, seed: 11)
        let grouping = Grouping(period: .month, dimensions: [.governorate])
        let fast = try text.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(
                buffer: buffer, origin: "t.csv", groupings: [grouping], threads: threads, release: { _ in })
        }
        let events = Event.each(try IncidentTable.incidents(text, origin: "t.csv"))
        Self.expectSame(fast[0], Tally.table(events, grouping: grouping))
    }

    /// The CSV the CLI writes from the dense tables equals the one written from the event path's.
    @Test func sameCSV() throws {
        let text = Self.table(rows: 3000, seed: 3)
        let definition = try ReportDefinition(
            parsing: """
                report: t
                period: month
                section: overview
                columns: incidents, killed_low, killed_high, injured_low, injured_high, documents
                section: governorates
                by: governorate
                columns: incidents, killed_low, killed_high, injured_low, injured_high, documents
                """, origin: "t.report")
        let renderer = try ReportRenderer(definition: definition, locale: "en", strings: ReportStrings())
        let groupings = definition.sections.map { renderer.grouping(for: $0) }
        let fast = try text.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(buffer: buffer, origin: "t.csv", groupings: groupings, threads: 2)
        }
        let events = Event.each(try IncidentTable.incidents(text, origin: "t.csv"))
        for ((section, slow), table) in zip(renderer.tables(for: events), fast) {
            #expect(renderer.csv(section: section, table: table) == renderer.csv(section: section, table: slow))
        }
    }

    /// Bad input on the dense path: the error names the line, wherever the part it falls in.
    @Test(arguments: [1, 2])
    func errorsNameTheLine(threads: Int) throws {
        var text = Self.table(rows: 4000, seed: 5)
        // The line of a row added at the end: lines are counted at LF (every CR of the table is before one).
        let lines = text.filter { $0 == 0x0A }.count + 1
        let groupings = [Grouping(period: .month), Grouping(period: .month, dimensions: [.governorate])]
        func tally(_ bytes: [UInt8]) throws -> [TallyTable] {
            try bytes.withUnsafeBufferPointer { buffer in
                try IncidentTable.tally(buffer: buffer, origin: "t.csv", groupings: groupings, threads: threads)
            }
        }
        text += Array("E1,2017-02-30,C1,Idlib,1,1,0,0,x,y,d\r\n".utf8)
        let date = #expect(throws: IncidentTable.ReadError.self) { try tally(text) }
        #expect(date?.description == "t.csv:\(lines): '2017-02-30' is not a date (YYYY-MM-DD)")
        text.removeLast(38)
        text += Array("E1,2017-02-03,C1,Idlib,1,1,0,lots,x,y,d\r\n".utf8)
        let count = #expect(throws: IncidentTable.ReadError.self) { try tally(text) }
        #expect(count?.description == "t.csv:\(lines): 'lots' is not a whole number")
        text.removeLast(41)
        text += [0x45, 0x32, 0x2C, 0xC3, 0x28] + Array(",2017-02-03\r\n".utf8)
        let utf8 = #expect(throws: DelimitedTextError.self) { try tally(text) }
        #expect(utf8?.kind == .invalidUTF8 && utf8?.line == lines && utf8?.column == 4)
    }
}
