import Testing

@testable import ComplyModel

/// `Day` reads civil dates and adds months through the month tables for the years registers use; the civil-date
/// arithmetic it falls back on elsewhere is the reference, day by day, at the tables' edges and beyond them.
@Suite struct DayTableTests {
  /// 1940-01-01 through 2110-12-31: every day of the tables (1950–2100) and ten years outside each end.
  static let days = Day.number(year: 1940, month: 1, day: 1)...Day.number(year: 2110, month: 12, day: 31)

  @Test func componentsAgreeWithTheCivilDateOnEveryDay() {
    var disagreements = 0
    for n in DayTableTests.days where Day(number: n).components != Day.civil(n) { disagreements += 1 }
    #expect(disagreements == 0)
    #expect(Day(number: Day.number(year: 2020, month: 2, day: 29)).components == (2020, 2, 29))
  }

  @Test(arguments: [-1_900, -1_300, -61, -13, -12, -1, 0, 1, 2, 3, 11, 12, 13, 60, 61, 1_300, 1_900])
  func addingMonthsAgreesWithTheCivilDate(months: Int) {
    var disagreements = 0
    for n in stride(from: DayTableTests.days.lowerBound, through: DayTableTests.days.upperBound, by: 3) {
      let day = Day(number: n)
      if day.adding(months: months) != day.addingByCivil(months: months) { disagreements += 1 }
    }
    #expect(disagreements == 0)
  }

  @Test func monthEndsAreClamped() {
    let day = { (y: Int, m: Int, d: Int) in Day(number: Day.number(year: y, month: m, day: d)) }
    #expect(day(2019, 11, 30).adding(months: 3) == day(2020, 2, 29))
    #expect(day(2016, 2, 29).adding(months: 60) == day(2021, 2, 28))
    #expect(day(2100, 12, 31).adding(months: 2) == day(2101, 2, 28))
  }
}
