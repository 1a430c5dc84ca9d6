import Extraction
import Foundation
import GazetteModel
import Testing

@Suite struct RuleSetTests {
    @Test func everyShippedRuleFileParses() throws {
        for lang in Fixtures.languages {
            let url = Fixtures.repo.appendingPathComponent("Locales/\(lang)/extraction.rules")
            let rules = try RuleSet(parsing: Fixtures.text(url), language: lang)
            #expect(!rules.killed.isEmpty, "\(lang)")
            #expect(!rules.injured.isEmpty, "\(lang)")
            #expect(!rules.quantifiers.isEmpty, "\(lang)")
            #expect(!rules.vagueAmounts.isEmpty, "\(lang)")
            #expect(!rules.governorates.isEmpty, "\(lang)")
            #expect(!rules.relativeDates.isEmpty, "\(lang)")
            #expect(!rules.victimCategories.isEmpty, "\(lang)")
        }
    }

    @Test func entriesAndComments() throws {
        let text = """
            # a comment
            [killed]
            killing = before   # trailing comment
            dead = after
            [quantifiers]
            at least # = min
            between # and # = range
            [weapons]
            barrel bomb* = barrel bombs
            [victim_categories]
            children = children
            """
        let r = try RuleSet(parsing: text, language: "en")
        #expect(r.killed.count == 2)
        #expect(r.killed[0].phrase == ["killing"])
        #expect(r.killed[0].position == .before)
        #expect(r.quantifiers.map(\.pattern) == [["at", "least", "#"], ["between", "#", "and", "#"]])
        #expect(r.quantifiers[1].meaning == .range)
        #expect(r.weapons.first?.phrase == ["barrel", "bomb*"])
        #expect(r.weapons.first?.term == "barrel bombs")
        #expect(r.victimCategories.map(\.term) == ["children"])
    }

    @Test(arguments: [
        ("[killed]\nkilled = sideways\n", 2),
        ("killed\n", 1),
        ("[killed]\nkilled\n[nonsense]\n", 3),
        ("[quantifiers]\nat least = min\n", 2),
        ("[quantifiers]\nbetween # and # = min\n", 2),
        ("[numbers]\n\nten = many\n", 3),
        ("[governorates]\nIdlib\n", 2),
        ("[victim_categories]\nwomen\n", 2),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        do {
            _ = try RuleSet(parsing: text, language: "en")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
        }
    }

    @Test func conventionsAreConfigurable() throws {
        let c = try QuantityConventions(parsing: "[conventions]\nabove = +1\ndozens = 12..\nfew = 2..5\n")
        #expect(c.amounts["dozens"] == .init(low: 12, high: nil))
        #expect(c.amounts["few"] == .init(low: 2, high: 5))
        let shipped = try QuantityConventions(
            parsing: Fixtures.text(
                Fixtures.repo.appendingPathComponent(
                    "Locales/quantities.rules")))
        #expect(shipped.amounts["dozens"]?.low == 24)
        #expect(shipped.amounts["hundreds"]?.low == 200)
        #expect(shipped.aboveOffset == 1)
        #expect(throws: RuleSetError.self) { try QuantityConventions(parsing: "[conventions]\ndozens = 30..20\n") }

        // Extraction follows the table it is given.
        let extractor = Extractor(ruleSets: Fixtures.ruleSets, conventions: c, gazetteer: Fixtures.gazetteer)
        let doc = try Fixtures.document(
            "Warplanes bombed the town of Saraqib in rural Idlib, killing dozens of civilians.")
        #expect(extractor.extract(doc).first?.killed.low == 12)
    }
}
