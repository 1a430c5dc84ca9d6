import GazetteModel
import Tally
import Testing

@Suite struct EstimateTests {
    func estimate(_ counts: [Count]) -> Estimate {
        Estimate(combining: counts.enumerated().map { ("d\($0.offset)#1", $0.element) })
    }

    @Test func agreeingPointFigures() {
        let e = estimate([.exactly(16), .exactly(16)])
        #expect(e.low == 16 && e.best == 16 && e.high == 16)
        #expect(e.lowSource == "d0#1" && e.highSource == "d0#1")
        #expect(!e.sourcesDisagree)
    }

    @Test func highestLowerBoundAndHighestUpperBound() {
        // "at least 16", "20 killed", "between 12 and 25"
        let e = estimate([Count(low: 16, high: nil), .exactly(20), Count(low: 12, high: 25)])
        #expect(e.low == 20)
        #expect(e.lowSource == "d1#1")
        #expect(e.high == 25)
        #expect(e.highSource == "d2#1")
        #expect(e.best == 20)
        #expect(e.bestSources == ["d1#1"])
        #expect(e.sourcesDisagree)
    }

    @Test func contradictoryUpperBoundsLeaveTheHighOpen() {
        // One says exactly 10, another at least 16: no stated upper bound is compatible with the low.
        let e = estimate([.exactly(10), Count(low: 16, high: nil)])
        #expect(e.low == 16)
        #expect(e.high == nil)
        #expect(e.best == 16)  // the median point (10) moved up into low...high
    }

    @Test func medianOfPointsTakesTheLowerMiddle() {
        // Bounds from ranges, so the median is not moved.
        let e = estimate([.exactly(30), Count(low: 5, high: 50), .exactly(10), .exactly(20), .exactly(40)])
        #expect(e.best == 40)  // low is 40: the highest lower bound stated
        let ranges = estimate([Count(low: 5, high: 50), .exactly(30), .exactly(10), .exactly(20)])
        #expect(ranges.low == 30 && ranges.high == 50)
        #expect(ranges.best == 30)  // median of 10, 20, 30 is 20, moved up into 30...50
        let open = estimate([Count(low: 1, high: 60), .exactly(12), .exactly(2), .exactly(9), .exactly(4)])
        #expect(open.low == 12 && open.high == 60)
        #expect(open.best == 12)  // lower middle of 2, 4, 9, 12 is 4, moved into 12...60
    }

    @Test func bestWithinBoundsWhenSourcesAgreeOnTheLow() {
        let e = estimate([Count(low: 10, high: 30), .exactly(20), .exactly(25), .exactly(10)])
        // low is 25 (the highest lower bound), high 30; points 10, 20, 25 → median 20 → moved to 25.
        #expect(e.low == 25 && e.high == 30 && e.best == 25)
        #expect(e.bestSources == ["d1#1", "d2#1", "d3#1"])
    }

    @Test func nothingStated() {
        let e = estimate([.unknown, .unknown])
        #expect(e == Estimate(low: nil, best: nil, high: nil))
        #expect(e.description == "?")
    }
}
