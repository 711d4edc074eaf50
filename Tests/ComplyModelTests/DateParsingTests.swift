import ComplyModel
import Testing

private func day(_ y: Int, _ m: Int, _ d: Int) -> DateSpan {
  guard let day = Day(year: y, month: m, day: d) else { preconditionFailure("bad test date") }
  return DateSpan(day)
}

private func month(_ y: Int, _ m: Int) -> DateSpan {
  guard let span = DateSpan(year: y, month: m) else { preconditionFailure("bad test month") }
  return span
}

@Suite struct DateParsingTests {
  @Test(arguments: [
    ("2019-03-01", day(2019, 3, 1)), ("2019-3-1", day(2019, 3, 1)), ("2019/03/01", day(2019, 3, 1)),
    ("2019/3/1", day(2019, 3, 1)), ("2019.3.01", day(2019, 3, 1)), ("20190301", day(2019, 3, 1)),
    ("2019年3月1日", day(2019, 3, 1)), ("2019年03月01日", day(2019, 3, 1)),
    ("2018-07-16 00:00:00", day(2018, 7, 16)), ("2018-07-15 08:30", day(2018, 7, 15)),
    ("2018/7/15 8:30", day(2018, 7, 15)), ("20180715 23:59:59", day(2018, 7, 15)),
    ("2018年7月15日 08:30", day(2018, 7, 15)),
    ("２０１９－０３－０１", day(2019, 3, 1)), ("２０１９年３月１日", day(2019, 3, 1)),
    ("2020-02-29", day(2020, 2, 29)), ("2000-02-29", day(2000, 2, 29)),
    ("1950-01-01", day(1950, 1, 1)), ("2100-12-31", day(2100, 12, 31)),
    ("2019-03", month(2019, 3)), ("2019-3", month(2019, 3)), ("2019/11", month(2019, 11)),
    ("2019.3", month(2019, 3)), ("2019年3月", month(2019, 3)), ("２０１９年１２月", month(2019, 12)),
  ])
  func readsEverySpelling(text: String, expected: DateSpan) {
    #expect(DateParsing.parse(text) == expected, "\(text)")
  }

  @Test func monthOnlyIsTheWholeMonth() throws {
    let feb = try #require(DateParsing.parse("2020-02"))
    #expect(feb.first == Day(year: 2020, month: 2, day: 1))
    #expect(feb.last == Day(year: 2020, month: 2, day: 29))
    #expect(!feb.isFullDate)
  }

  @Test(arguments: [
    "2019-02-30", "2019-13-01", "2019-00-10", "2019-04-31", "2019-02-29", "2100-02-29", "20190230", "2019年2月30日",
    "2019-13", "2019年0月",
  ])
  func impossibleDaysAreNoSuchDay(text: String) {
    #expect(DateParsing.read(text) == .failure(.noSuchDay), "\(text)")
  }

  @Test(arguments: [("1949-12-31", 1949), ("2101-01-01", 2101), ("18990101", 1899), ("2200-05", 2200)])
  func yearsOutsideTheRangeAreRejected(text: String, year: Int) {
    #expect(DateParsing.read(text) == .failure(.yearOutOfRange(year)), "\(text)")
  }

  @Test(arguments: [
    "", "2019", "19-3-1", "2019-03/01", "2019/03-01", "2019.03-01", "2019-003-01", "2019-03-001", "2019-03-01 ",
    "2019-03-01T00:00:00", "2019-03-01 24:00", "2019-03-01 8:5", "2019-03-01 08:30:", "2019-03-01 08:30:61",
    "2019-03-01  08:30", "201903", "2019031", "201903011", "2019年3月1", "2019年3", "3/1/2019", "明年",
    "2019-03-01x", "+2019-03-01", "2019--03", "2019-",
  ])
  func malformedTextIsNotADate(text: String) {
    #expect(DateParsing.read(text) == .failure(.malformed), "\(text)")
  }

  @Test func isoParsingIsStrict() {
    #expect(DateParsing.parseISO("2019-03-01") == day(2019, 3, 1))
    #expect(DateParsing.parseISO("2019-03") == month(2019, 3))
    #expect(DateParsing.parseISO("2019-3-1") == nil)
    #expect(DateParsing.parseISO("2019/03/01") == nil)
    #expect(DateParsing.parseISO("2019-02-30") == nil)
    #expect(DateParsing.parseISO("1800-01-01") == day(1800, 1, 1))
  }

  @Test func readsSubstrings() {
    let text = "x2019-03-01y"
    let inner = text.dropFirst().dropLast()
    #expect(DateParsing.parse(inner) == day(2019, 3, 1))
  }
}

@Suite struct NumberParsingTests {
  @Test(arguments: [
    ("1200", 1200.0), ("1200.5", 1200.5), ("-3", -3), ("+3.25", 3.25), ("1,200.5", 1200.5),
    ("12,345,678", 12_345_678),
    ("0.5", 0.5), (".5", 0.5), ("１２００", 1200), ("１，２００．５", 1200.5), ("007", 7),
    ("1.", 1),
  ])
  func readsDecimals(text: String, expected: Double) {
    #expect(NumberParsing.parse(text) == expected, "\(text)")
  }

  @Test(arguments: [
    "", "-", "1,2", "1,2000", "1234,567", "1,200,00", "1.2.3", "1e5", "inf", "nan", "0x10", "12万", "1 200",
    "1,200.5,6", ",100", "abc",
  ])
  func rejectsOtherText(text: String) {
    #expect(NumberParsing.parse(text) == nil, "\(text)")
  }
}
