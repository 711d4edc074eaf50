import ComplyModel
import Testing

@testable import ComplyExpression

/// A batch program evaluates its expressions together over many rows, each operation only on the rows that need
/// it; every row must still get what `CellProgram` gives that row alone. The rows here are every mix of true,
/// false, unknown and blank bools and of blank, month-only, full and unreadable dates, in one batch, so that
/// rows skipped by one operation sit next to rows it computes.
@Suite struct CellBatchProgramTests {
  static let expressions = [
    "major_change and audited", "audited and major_change", "major_change or audited", "audited or major_change",
    "not major_change", "coalesce(major_change, audited)", "coalesce(major_change, audited, true)",
    "if(major_change, audited, not audited)", "is_set(major_change) and audited", "is_empty(audited) or major_change",
    "is_known(major_change) and not is_known(audited)", "major_change = audited", "major_change != true",
    "coalesce(completion_date, eia_approval_date) < construction_start_date",
    "completion_date >= eia_approval_date or construction_start_date <= completion_date",
    "add_months(coalesce(completion_date, construction_start_date), if(is_set(audited), 12, 3)) > as_of",
    "major_change and add_years(eia_approval_date, 5) < construction_start_date",
    "days_between(eia_approval_date, construction_start_date) > 30 or audited",
  ]

  @Test(arguments: ["2018-05-15", "2019-03-01", "2030-06-30"])
  func everyRowAgreesWithTheRowProgram(asOf: String) throws {
    let bools = ["是", "否", "明年", ""]
    let dates = ["", "2018-05", "2019-03-01", "2018-13-45"]
    var rows: [[String: String]] = []
    for a in bools {
      for b in bools {
        for c in dates {
          for d in dates {
            for e in dates {
              rows.append([
                "major_change": a, "audited": b, "completion_date": c, "eia_approval_date": d,
                "construction_start_date": e,
              ])
            }
          }
        }
      }
    }
    let checked = CellBatchProgramTests.expressions.compactMap { TestSchema.check($0) }
    try #require(checked.count == CellBatchProgramTests.expressions.count)
    let batch = try #require(CellBatchProgram(checked, schema: TestSchema.schema))
    let programs = try checked.map { try #require(CellProgram($0, schema: TestSchema.schema)) }
    let reader = CellReader(schema: TestSchema.schema, fields: batch.fields)
    let width = reader.width
    var cells = [Cell](repeating: .unknown, count: rows.count * width)
    let day = TestSchema.bindings([:], asOf: asOf).asOf.number
    cells.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for (index, row) in rows.enumerated() {
        #expect(reader.read(TestSchema.bindings(row, asOf: asOf).values, into: base + index * width))
      }
      let all = CellRows(cells: base, stride: width, count: rows.count)
      for (index, program) in programs.enumerated() {
        let batched = batch.values(all, asOf: day, expression: index)
        for r in rows.indices {
          let alone = program.evaluate(CellRow(cells: base + r * width, asOf: day))
          if batched[r] != alone {
            Issue.record("\(CellBatchProgramTests.expressions[index]) on \(rows[r]): \(batched[r]), alone \(alone)")
          }
        }
      }
    }
  }
}
