import ComplyInput
import ComplyModel
import Foundation
import Testing

/// Workbooks laid out as offices keep them: title rows, two-row headers, merged cells, totals, one sheet per
/// county.
@Suite struct XLSXLayoutTests {
  @Test func titleRowsTwoRowHeaderMergedCountyAndTotals() throws {
    let result = try readWorkbook("title.xlsx")
    #expect(result.failure == nil)
    #expect(result.rejections.isEmpty)
    #expect(result.records.map(\.source.row) == [5, 6, 7, 9])
    #expect(result.raw(Field.county) == ["ALI-1": "噶尔县", "ALI-2": "噶尔县", "ALI-3": "噶尔县", "ALI-4": "普兰县"])
    #expect(result.raw(Field.category) == ["ALI-1": "报告表", "ALI-2": "报告书", "ALI-3": "登记表", "ALI-4": "报告表"])
    #expect(result.raw(Field.approval)["ALI-2"] == "2018-04-01")
    #expect(result.raw(Field.investment)["ALI-4"] == "400")
    #expect(result.mapping.header(for: Field.approval) == "环评批复日期")
    #expect(result.mapping.header(for: Field.investment) == "总投资\n（万元）")
    let header = result.diagnostics(.inputHeaderRow)
    #expect(
      header.map(\.description) == [
        "title.xlsx:3: notice: header taken from rows 3–4 (a two-row header, parent and child joined); 1 row "
          + "above it skipped [input.header-row]"
      ])
    let totals = result.diagnostics(.inputTotalsRow)
    #expect(totals.map(\.description) == ["title.xlsx:10: notice: row 10 is a totals row (合计); not a record [input.totals-row]"])
  }

  @Test func headerRowOverride() throws {
    let result = try readWorkbook("title.xlsx", options: ReadOptions(headerRow: 4))
    #expect(result.records.map(\.source.row) == [5, 6, 7, 9])
    #expect(result.mapping.header(for: Field.approval) == "批复日期")
    #expect(result.mapping.column(for: Field.category) == nil)
    #expect(result.diagnostics(.inputHeaderRow).map(\.message) == ["header taken from row 4 (--header-row)"])
    for row in [2, 99] {
      #expect(
        inputError { _ = try readWorkbook("title.xlsx", options: ReadOptions(headerRow: row)) }
          == .headerRowMissing(path: "title.xlsx", row: row))
    }
  }

  @Test func firstSheetByDefaultAndSheetsByName() throws {
    let first = try readWorkbook("counties.xlsx")
    #expect(first.records.map { $0.raw[Field.id] ?? "" } == ["G-1", "G-2"])
    #expect(first.raw(Field.county) == ["G-1": "", "G-2": "札达县"])
    #expect(first.records.first?.source.path == "counties.xlsx")
    let burang = try readWorkbook("counties.xlsx", options: ReadOptions(sheet: .named("普兰县")))
    #expect(burang.records.map { $0.raw[Field.id] ?? "" } == ["B-1"])
    let hidden = try readWorkbook("counties.xlsx", options: ReadOptions(sheet: .named("隐藏")))
    #expect(hidden.records.map { $0.raw[Field.id] ?? "" } == ["H-1"])
    #expect(
      inputError { _ = try readWorkbook("counties.xlsx", options: ReadOptions(sheet: .named("措勤县"))) }
        == .noSheet(path: "counties.xlsx", name: "措勤县", available: ["噶尔县", "普兰县", "说明", "隐藏"]))
  }

  @Test func everySheetWithTheSheetNameFillingTheCounty() throws {
    var schema = testSchema
    schema.groupFields = [Field.county]
    let result = try readWorkbook("counties.xlsx", options: ReadOptions(sheet: .all), schema: schema)
    #expect(result.failure == nil)
    #expect(result.records.map { $0.raw[Field.id] ?? "" } == ["G-1", "G-2", "B-1"])
    #expect(result.raw(Field.county) == ["G-1": "噶尔县", "G-2": "札达县", "B-1": "普兰县"])
    #expect(result.records.map(\.source.path) == ["counties.xlsx[噶尔县]", "counties.xlsx[噶尔县]", "counties.xlsx[普兰县]"])
    #expect(result.records.map(\.source.row) == [2, 3, 2])
    // The county column 普兰县 lacks is filled by the sheet name, so only the other fields are reported missing.
    let missing = result.diagnostics(.inputMissingColumn).map(\.message)
    #expect(!missing.contains { $0.hasPrefix("no column for county") })
    #expect(missing.contains("sheet '说明' skipped: no column for the record key project_id (项目编号); no row can be identified"))
    #expect(result.diagnostics(.inputHeaderRow).compactMap(\.location?.file) == ["counties.xlsx[噶尔县]", "counties.xlsx[普兰县]"])
  }

  /// A row number Excel cannot have counts as none, so the next row's number cannot overflow.
  @Test func rowNumbersBeyondExcelsLastRow() throws {
    let result = try readWorkbook("huge-row-number.xlsx")
    #expect(result.failure == nil)
    #expect(result.records.map { $0.raw[Field.id] ?? "" } == ["P-1", "P-2"])
    #expect(result.records.map(\.source.row) == [2, 3])
  }
}
