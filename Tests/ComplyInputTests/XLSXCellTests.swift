import ComplyInput
import ComplyModel
import Foundation
import Testing

/// Cell values of workbooks written by openpyxl, XlsxWriter and by hand: dates, numbers, strings, booleans,
/// formulas.
@Suite struct XLSXCellTests {
  @Test func serialDatesFollowTheCellFormatIncludingThe1900Quirk() throws {
    let result = try readWorkbook("dates.xlsx")
    #expect(result.failure == nil)
    #expect(result.rejections.isEmpty)
    #expect(result.records.map(\.source.row) == Array(2...10))
    #expect(result.records.map(\.source.line) == Array(2...10))
    #expect(
      result.raw(Field.approval) == [
        "P-1": "2018-07-16", "P-2": "1900-02-28", "P-3": "1900-02-29", "P-4": "1900-03-01", "P-5": "2019-03",
        "P-6": "2018-01-01", "P-7": "2019-11", "007": "2018-07-16", "2018001": "2018年7月16日",
      ])
    let byId = Dictionary(result.records.map { ($0.raw[Field.id] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byId["P-5"]?.values[Field.approval] == .date(try #require(DateSpan(year: 2019, month: 3))))
    #expect(byId["2018001"]?.values[Field.approval] == .date(DateSpan(try #require(Day(year: 2018, month: 7, day: 16)))))
    // 1900-02-29 never was; 1900 is before the years a register may hold: both are unreadable, by row.
    let unreadable = result.diagnostics(.inputBadValue).compactMap(\.location?.line)
    #expect(unreadable == [3, 4, 5])
  }

  @Test func numbersIdsAndBooleansReadAsDisplayed() throws {
    let result = try readWorkbook("dates.xlsx")
    #expect(
      result.raw(Field.investment) == [
        "P-1": "1200", "P-2": "0.5", "P-3": "", "P-4": "", "P-5": "", "P-6": "", "P-7": "", "007": "1234.25",
        "2018001": "0.3",
      ])
    #expect(result.raw(Field.majorChange)["007"] == "TRUE")
    #expect(result.raw(Field.majorChange)["2018001"] == "FALSE")
    let byId = Dictionary(result.records.map { ($0.raw[Field.id] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byId["007"]?.values[Field.majorChange] == .bool(true))
    #expect(byId["007"]?.values[Field.investment] == .number(1234.25))
  }

  @Test func the1904DateSystem() throws {
    let result = try readWorkbook("dates1904.xlsx")
    #expect(result.raw(Field.approval) == ["P-1": "2018-07-16", "P-2": "1904-01-01"])
  }

  @Test func sharedStringsRichTextFormulasAndBooleans() throws {
    let result = try readWorkbook("shared.xlsx")
    #expect(result.rejections.isEmpty)
    #expect(result.raw(Field.name) == ["P-1": "狮泉河水厂工程", "P-2": "狮泉河水厂工程"])
    #expect(result.raw(Field.approval) == ["P-1": "2018-07-16", "P-2": ""])
    #expect(result.raw(Field.investment) == ["P-1": "1200", "P-2": "0.3333333333333333"])
    #expect(result.raw(Field.majorChange) == ["P-1": "TRUE", "P-2": "FALSE"])
    #expect(result.raw(Field.remarks) == ["P-1": "ab", "P-2": ""])
    #expect(result.codes() == ["input.header-row"])
  }

  @Test func inlineStringsPrefixedNamespaceAndCachedValues() throws {
    let result = try readWorkbook("inline.xlsx")
    #expect(result.failure == nil)
    #expect(result.records.map(\.source.row) == [2, 4])
    #expect(result.raw(Field.name) == ["P-1": "狮泉河 水厂", "P-2": ""])
    #expect(result.raw(Field.majorChange) == ["P-1": "TRUE", "P-2": "FALSE"])
    #expect(result.raw(Field.investment) == ["P-1": "1200", "P-2": "#DIV/0!"])
    // `_x000D_` is a carriage return, trimmed with the cell; a formula without a cached value is blank.
    #expect(result.raw(Field.remarks) == ["P-1": "a&b", "P-2": ""])
    let bad = result.diagnostics(.inputBadValue)
    #expect(bad.map(\.message) == ["row 4, column '总投资(万元)': cannot read '#DIV/0!' as a number (not a number)"])
    #expect(bad.first?.location == Location(file: "inline.xlsx", line: 4, column: 0))
  }

  @Test func smallChunksGiveTheSameRows() throws {
    let whole = try readWorkbook("dates.xlsx")
    let pieces = try readWorkbook("dates.xlsx", options: ReadOptions(chunkSize: 64))
    #expect(pieces.records.map(\.raw) == whole.records.map(\.raw))
    #expect(pieces.records.map(\.source) == whole.records.map(\.source))
  }
}
