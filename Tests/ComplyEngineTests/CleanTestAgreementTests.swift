import ComplyExpression
import ComplyModel
import ComplyRules
import Testing
import ComplyTestSupport

@testable import ComplyEngine

/// The clean-row test runs the rules over unboxed cells (`CellProgram`). It must say "clean" exactly when
/// every rule is compliant or not applicable, as `judge` decides on values; checked here on many generated
/// records mixing blanks, blank tokens, month-only and future dates, unreadable cells and missing columns.
@Suite struct CleanTestAgreementTests {
  static let dates = [
    "", "", "", "/", "2013-06-01", "2015-03-01", "2016-08-31", "2016-09-01", "2018-01-10", "2018-05", "2018-08-15",
    "2018-11", "2018-11-05", "2018-12-01", "2019-02-28", "2020-06", "2020-06-30", "2021-03-01", "明年", "2018年3月1日",
  ]
  static let categories = ["", "报告书", "报告书", "报告表", "报告表", "登记表", "不纳入", "环境影响报告表", "环评报告", "/"]
  static let numbers = ["", "0", "0.0", "12.5", "1234.565", "5000", "很多", "/"]
  static let bools = ["", "是", "否", "Y", "明年"]
  static let texts = ["", "/", "无", "阿环评〔2018〕12号", "X-1"]

  static func record(_ g: inout SplitMix64, index: Int) -> Record {
    var cells: [String: String] = [:]
    var absent: Set<String> = []
    for field in BundledPack.pack.schema.fields {
      if Int.random(in: 0..<40, using: &g) == 0 {
        absent.insert(field.name)
        continue
      }
      let palette: [String]
      switch field.type {
      case .date: palette = dates
      case .enumeration: palette = categories
      case .number: palette = numbers
      case .bool: palette = bools
      case .text: palette = texts
      }
      cells[field.name] = palette[Int.random(in: 0..<palette.count, using: &g)]
    }
    cells["project_id"] = "P\(index)"
    absent.remove("project_id")
    return BundledPack.record(cells, absent: absent)
  }

  @Test(arguments: ["2016-01-01", "2018-11-05", "2020-06-30"])
  func cellsAgreeWithValuesAndWithJudge(asOf: String) {
    let engine = Engine(pack: BundledPack.pack, asOf: BundledPack.day(asOf))
    var g = SplitMix64(state: 20_260_401)
    var clean = 0
    var judgedOnCells = 0
    for index in 0..<4000 {
      let record = CleanTestAgreementTests.record(&g, index: index)
      let fast = engine.isClean(record.values)
      let judgement = engine.judge(record)
      let verdicts = judgement.verdicts
      let judged = verdicts.allSatisfy { $0 == .compliant || $0 == .notApplicable }
      if let onCells = CleanTestAgreementTests.judgeOnCells(engine, record) {
        judgedOnCells += 1
        #expect(onCells.verdicts == verdicts, "record \(index): \(record.values)")
        #expect(onCells.findings.map(\.ruleID) == judgement.findings.map(\.ruleID), "record \(index)")
        #expect(onCells.undetermined == judgement.undetermined, "record \(index)")
      }
      #expect(fast == engine.isCleanOnValues(record.values), "record \(index): \(record.values)")
      #expect(fast == judged, "record \(index): \(record.values) \(verdicts)")
      if fast { clean += 1 }
    }
    #expect(clean > 100, "the generated records should include clean ones")
    #expect(judgedOnCells > 1000, "most generated records should have cells")
  }

  /// `judge` given the record's cells, as the CSV block reader gives them; nil when a value has no cell.
  static func judgeOnCells(_ engine: Engine, _ record: Record) -> Judgement? {
    let schema = BundledPack.pack.schema
    let reader = CellReader(schema: schema, fields: FieldSet(schema.fields.indices))
    return withUnsafeTemporaryAllocation(of: Cell.self, capacity: schema.fields.count) { buffer in
      guard let base = buffer.baseAddress else { return nil }
      base.initialize(repeating: .unknown, count: schema.fields.count)
      guard reader.read(record.values, into: base) else { return nil }
      return engine.judge(record, cells: base)
    }
  }

  /// The clean-row test on batches (`screen`, which the CSV reader uses) gives each row the verdict the row's own
  /// test gives, whatever the batch's size and the mix of rows in it (each operation there runs only on the rows
  /// that need it).
  @Test(arguments: ["2016-01-01", "2018-11-05", "2020-06-30"])
  func batchesAgreeWithEachRow(asOf: String) {
    let engine = Engine(pack: BundledPack.pack, asOf: BundledPack.day(asOf))
    #expect(engine.screensBatches)
    let schema = BundledPack.pack.schema
    let width = schema.fields.count
    let reader = CellReader(schema: schema, fields: FieldSet(schema.fields.indices))
    var g = SplitMix64(state: 20_261_129)
    var rows: [Cell] = []
    var expected: [Bool] = []
    for index in 0..<4000 {
      let record = CleanTestAgreementTests.record(&g, index: index)
      var cells = [Cell](repeating: .unknown, count: width)
      let read = cells.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.map { reader.read(record.values, into: $0) } ?? false
      }
      guard read else { continue }
      rows += cells
      expected.append(engine.isClean(record.values))
    }
    #expect(expected.count > 1000 && expected.contains(true) && expected.contains(false))
    for size in [1, 5, 63, 64, 65, 128, 1000, expected.count] {
      var start = 0
      while start < expected.count {
        let count = min(size, expected.count - start)
        let clean = rows.withUnsafeBufferPointer { cells -> [Bool]? in
          guard let base = cells.baseAddress else { return nil }
          var clean = [Bool](repeating: false, count: count)
          let screened = clean.withUnsafeMutableBufferPointer { out in
            out.baseAddress.map { engine.screen(CellRows(cells: base + start * width, stride: width, count: count), into: $0) }
          }
          return screened == true ? clean : nil
        }
        #expect(clean == Array(expected[start..<start + count]), "batches of \(size), rows \(start)..<\(start + count)")
        start += count
      }
    }
  }

  @Test func everyBundledConditionCompilesToCells() {
    for rule in BundledPack.pack.rules {
      #expect(CellProgram(rule.scope.checked, schema: BundledPack.pack.schema) != nil, "\(rule.id) scope")
      #expect(CellProgram(rule.violation.checked, schema: BundledPack.pack.schema) != nil, "\(rule.id) violation")
    }
  }
}
