import Foundation
import GazetteModel
import Testing
import Toponyms

@Suite struct GazetteerTests {
    static let header = Gazetteer.columns.joined(separator: "\t")

    /// A row of the TSV from its fields, the empty ones filled in.
    static func row(_ fields: String...) -> String {
        (fields + Array(repeating: "", count: Gazetteer.columns.count - fields.count)).joined(separator: "\t")
    }

    static let small = [
        "# a test gazetteer",
        header,
        row("SY99", "governorate", "Wadi Test", "وادي تست", "Test Valley|SY-WT", "SY99", "Wadi Test", "وادي تست"),
        row("SY9900", "district", "Qaryat", "قرية", "", "SY99", "Wadi Test", "وادي تست", "SY9900", "Qaryat", "قرية"),
        row("C9001", "community", "Tell Ward", "تل ورد", "Tal Wared|Tell el-Ward", "SY99", "Wadi Test", "وادي تست",
            "SY9900", "Qaryat", "قرية", "SY990000", "Qaryat", "قرية", "35.5", "36.25"),
        "",
        row("R01", "region", "Test Plain", "سهل تست"),
    ].joined(separator: "\n")

    @Test func readsPlacesRegionsAndHierarchy() throws {
        let g = try Gazetteer(tsv: Self.small, origin: "small.tsv")
        #expect(g.places.map(\.id) == ["SY99", "SY9900", "C9001"])
        #expect(g.regions.map(\.id) == ["R01"])
        let ward = try #require(g.place(id: "C9001"))
        #expect(ward.kind == .community)
        #expect(ward.nameAr == "تل ورد")
        #expect(ward.alternateNames == ["Tal Wared", "Tell el-Ward"])
        #expect(ward.admin1?.id == "SY99")
        #expect(ward.admin3?.nameEn == "Qaryat")
        #expect(ward.latitude == 35.5 && ward.longitude == 36.25)
        #expect(g.governorates.map(\.id) == ["SY99"])
        #expect(g.places(in: "SY9900").map(\.id) == ["SY9900", "C9001"])
        #expect(g.places(in: "SY99").count == 3)
        #expect(g.place(id: "C0000") == nil)
    }

    @Test(arguments: [
        ("", 0, "no header row"),
        ("# only a comment\n", 0, "no header row"),
        ("id\tkind\tname\n", 1, "expected the header row"),
        (header + "\nC1\tcommunity\tToo few\n", 2, "expected 16 tab-separated fields, found 3"),
        (header + "\n# note\n" + row("C1", "village", "X", "س"), 3, "unknown kind 'village'"),
        (header + "\n" + row("C1", "community", "X") + "\n" + row("C1", "community", "Y"), 3, "appears twice"),
        (header + "\n" + row("", "community", "X"), 2, "empty or blank id"),
        (header + "\n" + row("C1", "community", "", ""), 2, "no English or Arabic name"),
        (header + "\n" + row("C1", "community", "X", "", "", "", "", "", "", "", "", "", "", "", "north", "36"), 2,
         "latitude 'north'"),
        (header + "\n" + row("C1", "community", "X", "", "", "", "", "", "", "", "", "", "", "", "35", "200"), 2,
         "longitude '200'"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        do {
            _ = try Gazetteer(tsv: text, origin: "bad.tsv")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.origin == "bad.tsv")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix(line > 0 ? "bad.tsv:\(line): " : "bad.tsv: "))
        }
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}" + Self.small.replacingOccurrences(of: "\n", with: "\r\n")
        let g = try Gazetteer(tsv: text)
        #expect(g.places.count == 3)
        #expect(g.place(id: "C9001")?.nameEn == "Tell Ward")
    }

    @Test func shippedGazetteerHasEveryOCHAUnit() throws {
        let started = ContinuousClock.now
        let text = try Files.text(Files.gazetteerPath)
        let g = try Gazetteer(tsv: text, origin: Files.gazetteerPath)
        let elapsed = ContinuousClock.now - started
        print("gazetteer: \(g.places.count) places read in \(elapsed)")
        let kinds = Dictionary(grouping: g.places, by: \.kind).mapValues(\.count)
        #expect(kinds[.governorate] == 14)
        #expect(kinds[.district] == 62)
        #expect(kinds[.subdistrict] == 272)
        // 5,622 OCHA communities in the source, less the one row whose code is not a P-code (Jeb Raiyan, 't').
        #expect(kinds[.community] == 5_621)
        #expect(g.places.allSatisfy { $0.kind != .community || $0.id.wholeMatch(of: /C\d{4}/) != nil })
        #expect(g.regions.contains { $0.nameEn == "Eastern Ghouta" })
        let maarShurin = try #require(g.place(id: "C3978"))
        #expect(maarShurin.nameEn == "Maar Shurin" && maarShurin.nameAr == "معرشورين")
        #expect(maarShurin.admin1?.id == "SY07" && maarShurin.admin2?.id == "SY0702")
        #expect(maarShurin.admin3?.id == "SY070200")
        // GeoNames spellings reached the right Atareb, and the Arabic of admin units has no "مركز".
        #expect(g.place(id: "C1022")?.alternateNames.contains("Al Atarib") == true)
        #expect(g.place(id: "SY0700")?.nameAr == "إدلب")
        #expect(g.place(id: "SY07")?.alternateNames.contains("SY-ID") == true)
        // Every community lies in a governorate that exists.
        let governorates = Set(g.governorates.map(\.id))
        #expect(g.places.filter { $0.kind == .community }.allSatisfy { governorates.contains($0.admin1?.id ?? "") })
    }
}
