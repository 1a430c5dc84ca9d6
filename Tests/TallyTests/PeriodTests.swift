import GazetteModel
import Testing

/// The period arithmetic Tally relies on (the types live in GazetteModel).
@Suite struct PeriodTests {
    @Test(arguments: [
        ("2020-12-31", "2020-W53"), ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"),
        ("2018-12-31", "2019-W01"), ("2017-01-01", "2016-W52"), ("2017-12-19", "2017-W51"),
    ])
    func isoWeeks(date: String, week: String) {
        #expect(Period.week.containing(day(date)).description == week)
    }

    @Test func weekSeriesCrossesTheYearEnd() {
        let series = PeriodKey.series(
            from: Period.week.containing(day("2020-12-20")), through: Period.week.containing(day("2021-01-12")))
        #expect(series.map(\.description) == ["2020-W51", "2020-W52", "2020-W53", "2021-W01", "2021-W02"])
        #expect(series[2].start == day("2020-12-28"))
        #expect(series[2].end == day("2021-01-03"))
    }

    @Test(arguments: [
        (Period.day, "2017-12-19"), (.week, "2017-W51"), (.month, "2017-12"), (.quarter, "2017-Q4"), (.year, "2017"),
    ])
    func labels(period: Period, label: String) {
        #expect(period.containing(day("2017-12-19")).description == label)
    }
}
