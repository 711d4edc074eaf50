import ComplyInput
import ComplyModel
import Testing

/// CSV registers exported from a workbook keep its title rows, two-row headers and totals row.
@Suite struct CSVHeaderTests {
  @Test func titleRowsAboveTheHeaderAreSkippedAndRowsKeepTheirNumbers() throws {
    let text = "阿里地区2018年建设项目环评台账,,,\n\n项目编号,项目名称,环评类别,环评批复日期\nA1,水库,报告表,2018-04-10\n"
    let result = try read(text)
    #expect(result.records.map(\.source.row) == [4])
    #expect(result.records.first?.raw[Field.id] == "A1")
    let notice = try #require(result.diagnostics.first { $0.code == .inputHeaderRow })
    #expect(notice.message == "header taken from row 3; the rows above it are skipped")
    #expect(notice.location?.line == 3)
  }

  @Test func aFirstRowHeaderGetsNoNotice() throws {
    let result = try read("项目编号,项目名称\nA1,水库\n")
    #expect(!result.diagnostics.contains { $0.code == .inputHeaderRow })
    #expect(result.records.map(\.source.row) == [2])
  }

  @Test func aTwoRowHeaderIsJoined() throws {
    let text = "项目编号,项目名称,环评批复,\n,,日期,文号\nA1,水库,2018-04-10,X\n"
    let result = try read(text)
    #expect(result.records.first?.values[Field.approval] == .date(DateSpan(Day(year: 2018, month: 4, day: 10) ?? Day(number: 0))))
    #expect(result.records.map(\.source.row) == [3])
  }

  @Test func headerRowOptionAndTotalsRow() throws {
    var options = ReadOptions()
    options.headerRow = 2
    let text = "台账,,\n项目编号,项目名称,环评类别\nA1,水库,报告表\n合计：,,\n"
    let result = try read(text, options: options)
    #expect(result.records.map(\.source.row) == [3])
    #expect(result.diagnostics.contains { $0.code == .inputTotalsRow && $0.message.contains("row 4") })
    #expect(result.rejections.isEmpty)
  }
}
