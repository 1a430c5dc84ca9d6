import Foundation
import GazetteModel
import Publishing
import Tally

/// A small set of incidents written for these tests (fictional figures), over October–December 2017 with an
/// empty November, two reports of one incident that disagree, an unmatched place, an undated report, and
/// Arabic and French sources.
enum Fixture {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static func report(
        _ document: String, _ index: Int, _ date: String?, _ place: String, _ placeID: String,
        _ placeName: String, _ governorate: String, killed: Count, injured: Count, perpetrator: String = "unknown",
        weapon: String = "airstrike"
    ) -> Incident {
        Incident(
            document: document, index: index, date: date.map(day), datePrecision: date == nil ? .unknown : .day,
            place: place, governorate: governorate, killed: killed, injured: injured, perpetrator: perpetrator,
            weapon: weapon, placeID: placeID, placeName: placeName,
            matchStatus: placeID.isEmpty ? .unmatched : .matched,
            source: String(document.prefix(2)))
    }

    static let incidents: [Incident] = [
        report(
            "en-101", 1, "2017-10-04", "Atareb", "C1022", "Atareb", "Aleppo",
            killed: .exactly(7), injured: Count(low: 12, high: nil)),
        report(
            "en-101", 2, "2017-10-04", "Maar Shoureen", "C3978", "Maar Shurin", "Idlib",
            killed: Count(low: 3, high: 5), injured: .exactly(9), weapon: "shelling"),
        report(
            "fr-201", 1, "2017-10-22", "Khan Cheikhoun", "C3987", "Khan Shaykun", "Idlib",
            killed: .exactly(11), injured: .exactly(30), perpetrator: "regime forces"),
        report(
            "ar-301", 1, "2017-12-18", "معرشورين", "C3978", "Maar Shurin", "Idlib",
            killed: .exactly(18), injured: Count(low: 20, high: nil)),
        report(
            "en-102", 1, "2017-12-19", "Maarshourin", "C3978", "Maar Shurin", "Idlib",
            killed: Count(low: 16, high: nil), injured: .exactly(25)),
        report(
            "fr-202", 1, "2017-12-19", "Tell Mardikh", "", "", "Idlib",
            killed: .exactly(2), injured: .unknown, weapon: "barrel bombs"),
        report(
            "ar-302", 1, "2017-12-27", "الأتارب", "C1022", "Atareb", "Aleppo",
            killed: .exactly(1), injured: .exactly(1)),
        report(
            "en-103", 1, nil, "Saraqib", "C4000", "Saraqib", "Idlib",
            killed: .exactly(4), injured: .unknown),
    ]

    static var events: [Event] { Consolidation().events(from: incidents) }

    static let displayNames: [String: [String: String]] = [
        "ar": ["C1022": "الأتارب", "C3978": "معرشورين", "C3987": "خان شيخون", "Idlib": "إدلب", "Aleppo": "حلب"],
        "fr": ["Idlib": "Idleb", "Aleppo": "Alep"],
    ]

    static let repository: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
    }

    static func definition() throws -> ReportDefinition {
        try ReportDefinition(parsing: text("Reports/monthly.report"), origin: "Reports/monthly.report")
    }

    static func strings(_ language: String) throws -> ReportStrings {
        let english = try ReportStrings(parsing: text("Locales/en/report.strings"), origin: "en")
        guard language != "en" else { return english }
        let path = "Locales/\(language)/report.strings"
        return try ReportStrings(parsing: text(path), origin: path).falling(back: english)
    }

    static func renderer(_ language: String) throws -> ReportRenderer {
        try ReportRenderer(
            definition: definition(), locale: language, strings: strings(language),
            displayNames: displayNames[language] ?? [:])
    }
}
