import ICUKit
import Testing

@Suite struct DateSymbolsTests {
    @Test(arguments: ["en", "ar", "ar_SY", "fr", "tr", "de", "es", "it", "pt"])
    func everyLocaleHasTwelveMonthsAndSevenDays(_ locale: String) throws {
        let symbols = try DateSymbols(locale: locale)
        #expect(symbols.months.count == 12)
        #expect(symbols.standaloneMonths.count == 12)
        #expect(symbols.shortMonths.count == 12)
        #expect(symbols.weekdays.count == 7)
        #expect(symbols.shortWeekdays.count == 7)
        #expect(Set(symbols.months).count == 12, "month names are distinct")
        #expect(Set(symbols.weekdays).count == 7)
        #expect(!symbols.months.contains(""))
    }

    @Test func syrianArabicUsesLevantineMonthNames() throws {
        let symbols = try DateSymbols(locale: "ar_SY")
        #expect(symbols.months[0] == "كانون الثاني")
        #expect(symbols.months[10] == "تشرين الثاني")
        #expect(symbols.months[11] == "كانون الأول")
        // Standard Arabic uses the transliterated names instead.
        #expect(try DateSymbols(locale: "ar").months[0] == "يناير")
    }

    @Test func weekdaysAreMondayFirst() throws {
        #expect(try DateSymbols(locale: "en").weekdays.first == "Monday")
        #expect(try DateSymbols(locale: "en").weekdays.last == "Sunday")
        #expect(try DateSymbols(locale: "fr").weekdays[0] == "lundi")
        #expect(try DateSymbols(locale: "de").shortWeekdays[6] == "So.")
        #expect(try DateSymbols(locale: "ar").weekdays[4] == "الجمعة")
        #expect(try DateSymbols(locale: "tr").weekdays[0] == "Pazartesi")
    }

    @Test func monthsPerLanguage() throws {
        #expect(try DateSymbols(locale: "fr").months[11] == "décembre")
        #expect(try DateSymbols(locale: "en").months[0] == "January")
        #expect(try DateSymbols(locale: "tr").months[7] == "Ağustos")
        #expect(try DateSymbols(locale: "de").months[2] == "März")
        #expect(try DateSymbols(locale: "es").months[0] == "enero")
        #expect(try DateSymbols(locale: "it").months[5] == "giugno")
        #expect(try DateSymbols(locale: "pt").months[1] == "fevereiro")
        #expect(try DateSymbols(locale: "en").shortMonths[8] == "Sep")
    }

    @Test func gregorianEvenWhereTheLocaleDefaultsToAnotherCalendar() throws {
        // ar_SA defaults to islamic-umalqura; reports date events in the Gregorian calendar.
        #expect(try DateSymbols(locale: "ar_SA").months[0] == "يناير")
        #expect(try DateSymbols(locale: "ar_SA@calendar=islamic").months[0] != "يناير")
    }
}
