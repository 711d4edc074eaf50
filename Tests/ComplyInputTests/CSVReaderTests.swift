import ComplyInput
import ComplyModel
import Foundation
import Testing

@Suite struct CSVReaderTests {
  @Test func readsTypedRecordsWithRowsAndLines() throws {
    let result = try read(
      allHeaders + "\nP-1,水厂,噶尔县,报告书,2019-03-01,是,1200.5,\nP-2,公路,普兰县,登记表,2019年3月,,\"1,000\",无\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.records.count == 2)
    let first = try #require(result.records.first)
    #expect(first.source == RecordSource(path: "reg.csv", row: 2, line: 2))
    #expect(first.values[Field.category] == .text("报告书"))
    #expect(first.values[Field.approval] == .date(try #require(DateParsing.parse("2019-03-01"))))
    #expect(first.values[Field.majorChange] == .bool(true))
    #expect(first.values[Field.investment] == .number(1200.5))
    #expect(first.values[Field.remarks] == .null)
    #expect(first.raw[Field.remarks] == "")
    let second = result.records[1]
    #expect(second.source.row == 3)
    #expect(second.values[Field.approval] == .date(try #require(DateSpan(year: 2019, month: 3))))
    #expect(second.values[Field.majorChange] == .bool(false), "a blank 重大变动 means 否")
    #expect(second.values[Field.investment] == .number(1000))
    #expect(second.values[Field.remarks] == .null)
    #expect(second.raw[Field.remarks] == "无")
    #expect(second.key(in: testSchema) == "P-2")
  }

  @Test func quotedCellsHoldCommasQuotesAndNewlines() throws {
    let csv = "项目编号,项目名称,备注\r\nP-1,\"水厂, 二期\",\"说\"\"明\"\"\"\r\nP-2,\"两\r\n行\n三行\",x\r\nP-3,末,\"\"\r\n"
    let result = try read(csv)
    #expect(result.rejections.isEmpty)
    #expect(result.records.map(\.raw[Field.name]) == ["水厂, 二期", "两\r\n行\n三行", "末"])
    #expect(result.records[0].raw[Field.remarks] == "说\"明\"")
    #expect(result.records[2].values[Field.remarks] == .null)
    #expect(result.records.map(\.source.row) == [2, 3, 4])
    #expect(result.records.map(\.source.line) == [2, 3, 6])
  }

  @Test func quotesAreLenientOutsideQuotedCells() throws {
    let result = try read("项目编号,项目名称,备注\nP-1,5\" pipe,\"ab\"c\n")
    #expect(result.records.first?.raw[Field.name] == "5\" pipe")
    #expect(result.records.first?.raw[Field.remarks] == "abc")
  }

  @Test(arguments: [1, 2, 3, 5, 7, 16, 1 << 20])
  func rowsSpanningChunkBoundaries(chunkSize: Int) throws {
    var csv = "项目编号,项目名称,备注\r\n"
    for i in 1...40 {
      csv += "P-\(i),\"名称\(i),\r\n含\"\"引号\"\"\",\"备\n注\(i)\"\r\n"
    }
    let result = try read(csv, options: ReadOptions(chunkSize: chunkSize))
    #expect(result.rejections.isEmpty)
    #expect(result.records.count == 40)
    #expect(result.records.last?.raw[Field.name] == "名称40,\r\n含\"引号\"")
    #expect(result.records.last?.raw[Field.remarks] == "备\n注40")
    #expect(result.records.last?.source == RecordSource(path: "reg.csv", row: 41, line: 2 + 39 * 3))
  }

  @Test func utf8BOMAndNoFinalNewline() throws {
    let result = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("项目编号,项目名称\nP-1,水厂".utf8))
    #expect(result.mapping.column(for: Field.id) == 0)
    #expect(result.records.map(\.raw[Field.name]) == ["水厂"])
  }

  @Test func loneCarriageReturnsEndRows() throws {
    let result = try read("项目编号,项目名称\rP-1,a\rP-2,b\r")
    #expect(result.records.map(\.source.line) == [2, 3])
  }

  @Test func gb18030FilesAreDetected() throws {
    let csv = "项目编号,项目名称,县(区),总投资（万元）\n甲-1,噶尔县水厂,噶尔县,\"1,200\"\n"
    let bytes = try #require(csv.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let result = try read(bytes: Array(bytes))
    #expect(result.records.first?.raw[Field.name] == "噶尔县水厂")
    #expect(result.records.first?.raw[Field.county] == "噶尔县")
    #expect(result.records.first?.values[Field.investment] == .number(1200))
    let forced = try read(bytes: Array(bytes), options: ReadOptions(encoding: .gb18030))
    #expect(forced.records.first?.key(in: testSchema) == "甲-1")
    #expect(inputError { _ = try read(bytes: Array(bytes), options: ReadOptions(encoding: .utf8)) } != nil)
  }

  @Test func invalidUTF8PastThePrefixRejectsTheRow() throws {
    var bytes = Array("项目编号,项目名称\n".utf8)
    for i in 0..<8_000 { bytes += Array("P-\(i),水厂水厂\n".utf8) }
    bytes += Array("P-bad,".utf8) + [0xFF, 0xFE, 0x0A] + Array("P-last,x\n".utf8)
    let result = try read(bytes: bytes)
    #expect(result.records.count == 8_001)
    #expect(result.rejections.map(\.reason) == ["column 2 is not valid UTF-8"])
    #expect(result.rejections.first?.source.row == 8_002)
  }

  @Test func undecodableAndEmptyInputsAreErrors() throws {
    #expect(
      inputError { _ = try read(bytes: [0xFF, 0xFE, 0x41, 0x00]) }
        == .undecodable(
          path: "reg.csv", reason: "UTF-16 is not supported; save the register as UTF-8 CSV"))
    #expect(inputError { _ = try read("") } == .noHeader(path: "reg.csv"))
    #expect(inputError { _ = try read("\n\n") } == .noHeader(path: "reg.csv"))
    let missing = inputError {
      _ = try RegisterReader(path: "/nonexistent/reg.csv", schema: testSchema, options: ReadOptions())
    }
    #expect(missing == .unreadable(path: "/nonexistent/reg.csv", reason: "No such file or directory"))
  }

  @Test func raggedRowsAreRejectedAndBlankRowsSkipped() throws {
    let result = try read("项目编号,项目名称,备注\nP-1,a\n\n,,\n  , ,\u{3000}\nP-2,b,c,d\nP-3,c,d\n")
    #expect(result.rejections.map(\.reason) == ["expected 3 fields, found 2", "expected 3 fields, found 4"])
    #expect(result.rejections.map(\.source.row) == [2, 6])
    #expect(result.records.map(\.source.row) == [7])
    #expect(result.records.map(\.source.line) == [7])
  }

  @Test func blankKeysRejectTheRow() throws {
    let result = try read("项目编号,项目名称\n,a\n/,b\n P-1 ,c\n")
    #expect(result.rejections.map(\.reason) == ["blank record key (project_id)", "blank record key (project_id)"])
    #expect(result.records.first?.key(in: testSchema) == "P-1")
  }

  @Test func unclosedQuoteRejectsTheLastRow() throws {
    let result = try read("项目编号,项目名称\nP-1,a\nP-2,\"b\nP-3,c\n")
    #expect(result.records.count == 1)
    #expect(result.rejections.map(\.reason) == ["quote opened on this row is never closed"])
    #expect(result.rejections.first?.source.line == 3)
  }

  @Test func aRowLongerThanTheLimitStopsReading() throws {
    let result = try read(
      "项目编号,项目名称\nP-1,a\nP-2,\"" + String(repeating: "x", count: 200_000) + "\n",
      options: ReadOptions(chunkSize: 1000, maxRowBytes: 100_000))
    #expect(result.records.count == 1)
    #expect(result.failure == .rowTooLong(path: "reg.csv", line: 3, limit: 100_000))
    #expect(result.codes() == ["input.limit"])
  }

  @Test func duplicateKeysWarnAndKeepBothRows() throws {
    let result = try read("项目编号,项目名称\nP-1,a\nP-2,b\n\"P-1\",c\n")
    #expect(result.records.count == 3)
    #expect(result.codes() == ["input.duplicate-key"])
    let diagnostic = try #require(result.rowDiagnostics.first)
    #expect(
      diagnostic.description == "reg.csv:4: warning: row 4 repeats project_id 'P-1' of row 2 [input.duplicate-key]")
    #expect(diagnostic.notes.first?.location == Location(file: "reg.csv", line: 2, column: 0))
  }

  @Test func unreadableCellsAreUnknownWithAWarning() throws {
    let result = try read("项目编号,批复日期,环评类别,重大变动,总投资\nP-1,2019-02-30,报告,也许,十万\n")
    let record = try #require(result.records.first)
    #expect(record.values[Field.approval] == .unknown(FieldSet(Field.approval)))
    #expect(record.values[Field.category] == .unknown(FieldSet(Field.category)))
    #expect(record.values[Field.majorChange] == .unknown(FieldSet(Field.majorChange)))
    #expect(record.values[Field.investment] == .unknown(FieldSet(Field.investment)))
    #expect(record.raw[Field.approval] == "2019-02-30")
    let bad = result.diagnostics.filter { $0.code == .inputBadValue }.map(\.description)
    #expect(
      bad == [
        "reg.csv:2: warning: row 2, column '环评类别': cannot read '报告' as a category (not one of 报告书, 报告表, 登记表) [input.bad-value]",
        "reg.csv:2: warning: row 2, column '批复日期': cannot read '2019-02-30' as a date (no such day) [input.bad-value]",
        "reg.csv:2: warning: row 2, column '重大变动': cannot read '也许' as yes/no (not a yes/no value) [input.bad-value]",
        "reg.csv:2: warning: row 2, column '总投资': cannot read '十万' as a number (not a number) [input.bad-value]",
      ])
  }

  @Test func diagnosticsComeBeforeTheirRecord() throws {
    let file = try TempFile("项目编号,批复日期\nP-1,明年\n")
    let reader = try RegisterReader(path: file.path, schema: testSchema, options: ReadOptions())
    let kinds = reader.map { event -> String in
      switch event {
      case .record: "record"
      case .rejected: "rejected"
      case .diagnostic(let d): d.code.rawValue
      }
    }
    #expect(kinds.filter { $0 != "input.missing-column" } == ["input.bad-value", "record"])
    #expect(Array(kinds.prefix(6)) == Array(repeating: "input.missing-column", count: 6))
  }
}
