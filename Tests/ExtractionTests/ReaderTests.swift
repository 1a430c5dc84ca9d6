import Extraction
import Foundation
import GazetteModel
import Testing

@Suite struct ReaderTests {
    let reader = Fixtures.reader

    @Test func headerLinesAndURLDate() throws {
        let text =
            "URL: https://example.org/2017/11/13/strike\nSOURCE: Example Monitor\nLANG: en\n\nJets struck a market.\n"
        let doc = try Fixtures.document(text, name: "x-1.txt")
        #expect(doc.id == "x-1")
        #expect(doc.metadata["source"] == "Example Monitor")
        #expect(doc.language == "en")
        #expect(doc.body == "Jets struck a market.\n")
        #expect(doc.dateline?.iso == "2017-11-13")
        #expect(doc.metadata["dateline_source"] == "url")
    }

    @Test func noHeaderWhenTopLinesAreProse() throws {
        let text = "Warning: this is prose, not a header line with a key\n\nMore text."
        let doc = try Fixtures.document(text)
        #expect(doc.metadata["warning"] == nil)
        #expect(doc.body.hasPrefix("Warning:"))
    }

    @Test(arguments: [
        ("Thursday, 21 December 2017 09:08\n\nText.", "2017-12-21"),
        ("Press release\nDecember 20, 2017\n\nText.", "2017-12-20"),
        ("Published 13/11/2017\n\nText.", "2017-11-13"),
        ("LANG: fr\n\nPublié le 20 décembre 2017\n\nTexte.", "2017-12-20"),
        ("LANG: ar\n\nالإثنين 13 تشرين الثاني 2017\n\nنص.", "2017-11-13"),
        ("LANG: tr\n\n13 Kasım 2017 10:08\n\nMetin.", "2017-11-13"),
        ("LANG: de\n\nDonnerstag, 21. Dezember 2017\n\nText.", "2017-12-21"),
        ("LANG: ar\n\n07 تشرين ثاني/نوفمبر 2015\n\nنص.", "2015-11-07"),
        // The Levantine August has two letters, too short for the names ICU gives.
        ("LANG: ar\n\n12 آب 2019\n\nنص.", "2019-08-12"),
        ("LANG: ar\n\nالجمعة 16 آب/أغسطس 2019\n\nنص.", "2019-08-16"),
    ])
    func datelines(text: String, expected: String) throws {
        let doc = try Fixtures.document(text)
        #expect(doc.dateline?.iso == expected)
    }

    @Test func archiveDateLineIsMonthPrecision() throws {
        let doc = try Fixtures.document("LANG: it\n\n date 2016-12 Almeno tre civili sono morti.\n")
        #expect(doc.dateline?.iso == "2016-12-01")
        #expect(doc.metadata["dateline_precision"] == "month")
    }

    @Test func byteOrderMarksAndUTF16() throws {
        let text = "LANG: fr\n\nAlep, 13 novembre 2017 : des frappes."
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(try reader.read(bom, fileName: "a.txt").documents[0].metadata["lang"] == "fr")
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let a = try reader.read(le, fileName: "le.txt").documents[0]
        let b = try reader.read(be, fileName: "be.txt").documents[0]
        #expect(a.body == b.body)
        #expect(a.body.contains("Alep, 13 novembre"))
        #expect(a.dateline?.iso == "2017-11-13")
    }

    @Test func invalidUTF8IsReplacedAndReportedWithOffsets() throws {
        var bytes = Array("Ten civilians were killed".utf8)
        bytes.insert(0xFF, at: 3)
        bytes.insert(0xC3, at: 10)  // a lead byte with no continuation
        let doc = try reader.read(bytes, fileName: "bad.txt").documents[0]
        #expect(doc.body.contains("\u{FFFD}"))
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings[0].contains("invalid UTF-8"))
        #expect(doc.warnings[0].contains("3, 10"))
    }

    @Test func emptyAndBinaryInputsThrowClearErrors() {
        #expect(throws: ReadError.self) { try reader.read([], fileName: "empty.txt") }
        do {
            _ = try reader.read([], fileName: "empty.txt")
        } catch {
            #expect(error.description.contains("empty.txt"))
            #expect(error.description.contains("empty"))
        }
        let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48]
        do {
            _ = try reader.read(binary, fileName: "photo.png")
            Issue.record("binary input was read as text")
        } catch {
            #expect(error.description.contains("binary"))
            #expect(error.description.contains("photo.png"))
        }
        #expect(throws: ReadError.self) { try reader.read(Array("  \n\t\n".utf8), fileName: "blank.txt") }
    }

    @Test func htmlKeepsTextOnly() throws {
        let html = """
            <!DOCTYPE html><html lang="fr"><head><title>Frappes sur Alep</title>
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
            <article><h1>Frappes sur Alep</h1><p>Au moins 12 civils ont &eacute;t&eacute; tu&eacute;s &amp; 30 bless&#233;s.</p>
            <!-- comment <p>hidden</p> --></article></body></html>
            """
        let doc = try reader.read(Array(html.utf8), fileName: "page.html").documents[0]
        #expect(doc.title == "Frappes sur Alep")
        #expect(doc.language == "fr")
        #expect(doc.body.contains("Au moins 12 civils ont été tués & 30 blessés."))
        #expect(!doc.body.contains("color"))
        #expect(!doc.body.contains("not text"))
        #expect(!doc.body.contains("Accueil"))
        #expect(!doc.body.contains("hidden"))
    }

    @Test func deeplyNestedHTMLDoesNotBlowUp() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "Deep text" + String(repeating: "</div>", count: depth)
        let doc = try reader.read(Array(html.utf8), fileName: "deep.html").documents[0]
        #expect(doc.body.trimmingCharacters(in: .whitespacesAndNewlines) == "Deep text")
    }

    @Test func markdownIsStripped() throws {
        let md = "# Strike on *Saraqib*\n\nAt least **five** civilians were [killed](http://x.org) today.\n"
        let doc = try reader.read(Array(md.utf8), fileName: "note.md").documents[0]
        #expect(doc.title == "Strike on Saraqib")
        #expect(doc.body.contains("At least five civilians were killed today."))
    }

    @Test func jsonLinesReadsGoodRecordsAndNamesTheBadLine() throws {
        let jsonl = """
            {"id": "r1", "text": "Five civilians were killed in Douma.", "url": "https://x.org/a", "published": "2018-02-20", "lang": "en"}
            {"id": "r2", "text": oops}
            {"text": "قتل خمسة مدنيين في دوما.", "source": "Test"}
            """
        let result = try reader.read(Array(jsonl.utf8), fileName: "feed.jsonl")
        #expect(result.documents.count == 2)
        #expect(result.documents[0].id == "r1")
        #expect(result.documents[0].dateline?.iso == "2018-02-20")
        #expect(result.documents[1].id == "feed:3")
        #expect(result.documents[1].language == "ar")
        #expect(result.errors.count == 1)
        #expect(result.errors[0].line == 2)
        #expect(result.errors[0].description.hasPrefix("feed.jsonl:2:"))
    }

    @Test(arguments: [
        ("The regime forces shelled the town and the market was hit by rockets.", "en"),
        ("Les forces du régime ont bombardé la ville et le marché a été touché.", "fr"),
        ("Die Regierungstruppen haben die Stadt und den Markt bombardiert.", "de"),
        ("Las fuerzas del régimen bombardearon la ciudad y el mercado de la zona.", "es"),
        ("Le forze del regime hanno bombardato la città e il mercato della zona.", "it"),
        ("As forças do regime bombardearam a cidade e o mercado da região.", "pt"),
        ("Rejim güçleri bir pazar yerini ve bu kenti bombaladı.", "tr"),
        ("قصفت قوات النظام المدينة والسوق في الريف.", "ar"),
    ])
    func languageDetection(text: String, expected: String) throws {
        #expect(try Fixtures.document(text).language == expected)
    }
}

@Suite struct LargeInputTests {
    @Test func oversizedDocumentIsRefusedWithAClearMessage() throws {
        let reader = DocumentReader(ruleSets: Fixtures.ruleSets, maximumDocumentBytes: 1_000_000)
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 2_000_000)
        do {
            _ = try reader.read(big, fileName: "dump.txt")
            Issue.record("an oversized document was read")
        } catch {
            #expect(error.description.hasPrefix("dump.txt:"))
            #expect(error.description.contains("split"))
        }
    }

    @Test func longTextWithoutSentenceEndsDoesNotStall() throws {
        // 200 KB of words with no full stop: one "sentence" too long to be prose is skipped, not parsed.
        let text = "LANG: en\n\n" + String(repeating: "shelling killed people in the town of Saraqib ", count: 4_000)
        let doc = try Fixtures.document(text)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Fixtures.extractor.extract(doc) }
        #expect(elapsed < .seconds(20))
    }
}
