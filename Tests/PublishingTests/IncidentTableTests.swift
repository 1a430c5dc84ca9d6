import DelimitedText
import GazetteModel
import Publishing
import Synchronization
import Tally
import Testing

@Suite struct IncidentTableTests {
    /// A generated table in Gazette's columns: enough rows for several chunks, quoted names with commas and
    /// line breaks, open high bounds, several sources per row.
    static let table = generate(multipleSources: false)
    static let multiSourceTable = generate(multipleSources: true)

    static func generate(multipleSources: Bool) -> [UInt8] {
        var text =
            "event_id,date,place_id,governorate,killed_low,killed_high,injured_low,injured_high,"
            + "perpetrator,weapon,sources\r\n"
        let governorates = ["Idlib", "Aleppo", "\"Rural Damascus, east\"", "\"Hama\nnorth\"", "حلب"]
        for i in 0..<4000 {
            let month = i % 14 + 1 > 12 ? 12 : i % 14 + 1
            let day = i % 28 + 1
            let high = i % 5 == 0 ? "" : String(i % 9 + 1)
            let sources = multipleSources && i % 7 == 0 ? "doc\(i % 13);doc\(i % 17)" : "doc\(i % 11)"
            text +=
                "E\(i),2017-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),C\(1000 + i % 40),"
                + "\(governorates[i % governorates.count]),\(i % 9),\(high),\(i % 4),\(i % 4 + 1),"
                + "regime forces,shelling,\(sources)\r\n"
        }
        return Array(text.utf8)
    }

    @Test(arguments: [1, 2, 3])
    func fastPathEqualsTheEventPath(threads: Int) throws {
        let grouping = Grouping(period: .month, dimensions: [.governorate])
        let fast = try IncidentTable.tally(Self.table, origin: "t.csv", grouping: grouping, threads: threads)
        let incidents = try IncidentTable.incidents(Self.table, origin: "t.csv")
        #expect(incidents.count == 4000)
        let slow = Tally.table(Event.each(incidents), grouping: grouping)
        #expect(fast.periods == slow.periods)
        #expect(fast.rows.map(\.groups) == slow.rows.map(\.groups))
        #expect(fast.rows.map(\.figures) == slow.rows.map(\.figures))
        #expect(fast.periodTotals.map(\.figures) == slow.periodTotals.map(\.figures))
        #expect(fast.total == slow.total)
        #expect(fast.rows.contains { $0.groups == [GroupValue("Hama\nnorth")] })
        #expect(fast.total.killedLow == (0..<4000).reduce(0) { $0 + $1 % 9 })
    }

    /// Several sources in one row all count as documents on the fast path; `incidents` keeps the first as the
    /// incident's document and the list in `source`.
    @Test func severalSourcesPerRow() throws {
        let grouping = Grouping(period: .year)
        let fast = try IncidentTable.tally(Self.multiSourceTable, origin: "t.csv", grouping: grouping, threads: 2)
        #expect(fast.total.documents == 17)
        let incidents = try IncidentTable.incidents(Self.multiSourceTable, origin: "t.csv")
        #expect(incidents[0].document == "doc0" && incidents[0].source == "doc0;doc0")
        #expect(incidents[7].document == "doc7" && incidents[7].source == "doc7;doc7")
        #expect(incidents[14].source == "doc1;doc14")
    }

    /// One pass for several groupings over bytes the caller holds gives each grouping's table as the event path
    /// does, in parts of the input that are each given back once; sources are trimmed and unquoted the same way.
    @Test(arguments: [1, 2, 4])
    func onePassForSeveralGroupings(threads: Int) throws {
        var text = Array(Self.multiSourceTable)
        text += Array("E9,2017-05-01,C1,Idlib,1,1,0,0,unknown,shelling,\" doc1 ; \"\"q\"\" ;\"\r\n".utf8)
        text += Array("E10,2017-05-02,C1,Idlib,1,1,0,0,Unknown,shelling,\"\"\"q\"\"\"\r\n".utf8)
        let groupings = [
            Grouping(period: .month), Grouping(period: .month, dimensions: [.governorate]),
            Grouping(period: .quarter, dimensions: [.perpetrator]),
            Grouping(period: .year, dimensions: [.governorate, .weapon]),
        ]
        let released = ReleasedRanges()
        let fast = try text.withUnsafeBufferPointer { buffer in
            try IncidentTable.tally(
                buffer: buffer, origin: "t.csv", groupings: groupings, threads: threads,
                release: { released.add($0) })
        }
        let events = Event.each(try IncidentTable.incidents(text, origin: "t.csv"))
        #expect(fast.count == groupings.count)
        for (table, grouping) in zip(fast, groupings) {
            let slow = Tally.table(events, grouping: grouping)
            #expect(table.periods == slow.periods)
            #expect(table.rows.map(\.groups) == slow.rows.map(\.groups))
            #expect(table.rows.map(\.figures) == slow.rows.map(\.figures))
            #expect(table.periodTotals.map(\.figures) == slow.periodTotals.map(\.figures))
            #expect(table.total == slow.total)
        }
        // doc0…doc16, and `"q"` once although written two ways.
        #expect(fast[0].total.documents == 18)
        #expect(fast[2].rows.filter { $0.groups == [GroupValue.unknown] }.map(\.figures.incidents) == [2])
        // The whole input once up front, then every part.
        #expect(released.ranges.first == 0..<text.count)
        #expect(released.ranges.dropFirst().map(\.count).reduce(0, +) == text.count)
    }

    /// `gazette extract` output read back: TSV dialect, index, evidence, figure texts; a short row is no crash.
    @Test func extractOutput() throws {
        var tsv = TSVWriter()
        tsv.writeRow([
            "doc", "incident", "date", "date_precision", "place", "place_context", "governorate",
            "killed_min", "killed_max", "killed_text", "injured_min", "injured_max", "injured_text",
            "perpetrator", "weapon", "place_en", "notes", "place_id", "place_name", "match_status",
            "evidence", "background",
        ])
        tsv.writeRow([
            "en-1", "2", "2017-12-19", "day", "Maar Shoureen", "in rural Idlib", "Idlib", "16", "",
            "at least 16", "", "", "", "unknown", "airstrikes", "", "", "C3978", "Maar Shurin", "matched",
            "\"At least 16 civilians\nwere killed\" in Maar Shoureen.", "",
        ])
        tsv.writeRow(["ar-1", "1", "2017-12-20"])
        let incidents = try IncidentTable.incidents(tsv.bytes, origin: "x.tsv", mapping: .extract, format: .tsv)
        #expect(incidents.count == 2)
        let first = incidents[0]
        #expect(Event.reportID(first) == "en-1#2")
        #expect(first.place == "Maar Shoureen" && first.placeName == "Maar Shurin" && first.placeID == "C3978")
        #expect(first.killed == Count(low: 16, high: nil, text: "at least 16"))
        #expect(first.evidence == "\"At least 16 civilians\nwere killed\" in Maar Shoureen.")
        #expect(incidents[1].killed == .unknown)
        let table = try IncidentTable.tally(
            tsv.bytes, origin: "x.tsv", mapping: .extract,
            grouping: Grouping(dimensions: [.place]), format: .tsv)
        #expect(table.rows.map { $0.groups[0] } == [GroupValue(id: "C3978", name: "Maar Shurin"), .unknown])
    }

    @Test func acledStyleExport() throws {
        let csv = """
            event_id_cnty;event_date;admin1;location;fatalities;actor1;sub_event_type;source
            SYR1;2017-12-19;Idlib;Maar Shurin;16;Military Forces of Syria;Air/drone strike;SOHR
            SYR2;2017-12-20;Idlib;Khan Shaykun;0;Unidentified;Shelling;SNHR; SOHR
            SYR3;2017-11-13;Aleppo;Atareb;41;Military Forces of Russia;Air/drone strike;SNHR
            """
        let table = try IncidentTable.tally(
            Array(csv.utf8), origin: "acled.csv", mapping: .acled,
            grouping: Grouping(period: .month, dimensions: [.governorate]))
        #expect(
            table.rows.map { "\($0.period) \($0.groups[0].name) \($0.figures.killedLow)-\($0.figures.killedHigh!)" }
                == ["2017-11 Aleppo 41-41", "2017-12 Idlib 16-16"])
        #expect(table.total.documents == 2)
    }

    @Test func errorsNameFileLineAndValue() throws {
        let bad = "date,killed_low\n2017-12-19,3\n2017-12-20,many\n"
        let error = #expect(throws: IncidentTable.ReadError.self) {
            try IncidentTable.tally(Array(bad.utf8), origin: "x.csv", grouping: Grouping())
        }
        #expect(error?.description == "x.csv:3: 'many' is not a whole number")
        let date = #expect(throws: IncidentTable.ReadError.self) {
            try IncidentTable.incidents(Array("date\n19/12/2017\n".utf8), origin: "y.csv")
        }
        #expect(date?.description == "y.csv:2: '19/12/2017' is not a date (YYYY-MM-DD)")
        let missing = #expect(throws: IncidentTable.ReadError.self) {
            try IncidentTable.tally(Array("day,n\n".utf8), origin: "z.csv", grouping: Grouping())
        }
        #expect(missing?.description == "z.csv:1: no column 'date' for the date (columns: day, n)")
        #expect(throws: IncidentTable.ReadError.self) {
            try IncidentTable.tally([], origin: "empty.csv", grouping: Grouping())
        }
        #expect(throws: IncidentTable.ReadError.self) {
            try IncidentTable.tally(Array("date\n".utf8), origin: "s.csv", grouping: Grouping(), strict: true)
        }
    }
}

/// The ranges a reader gave back, from any thread, in the order given.
private final class ReleasedRanges: Sendable {
    private let stored = Mutex<[Range<Int>]>([])

    func add(_ r: Range<Int>) { stored.withLock { $0.append(r) } }

    var ranges: [Range<Int>] { stored.withLock { $0 } }
}
