@testable import GazetteCLI
import Testing

@Suite struct ScoreTextTests {
    /// The score texts made once must be what printing the rounded Double gives, for every score the matcher can
    /// give and for the values around the thousandths where rounding turns.
    @Test func tableTextsAreTheTextsOfTheRoundedScores() {
        var values: [Double] = [0, 1, 0.5, 0.84, 0.88, 0.9 * (0.6 * 0.75 + 0.4 * 0.8), 0.0004, 0.0005, 0.9995, 0.99949]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 { values.append(Double.random(in: 0...1, using: &generator)) }
        for k in 0...1000 { values.append(Double(k) / 1000) }
        for v in values {
            #expect(MatchRow.score(v) == String((v * 1000).rounded() / 1000), "score \(v)")
        }
    }

    @Test func scoresOutsideTheUnitIntervalArePrintedToo() {
        #expect(MatchRow.score(1.25) == "1.25")
        #expect(MatchRow.score(-0.5) == "-0.5")
        #expect(MatchRow.score(0.84) == "0.84")
        #expect(MatchRow.score(1) == "1.0")
    }
}
