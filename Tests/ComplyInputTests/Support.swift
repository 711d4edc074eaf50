import ComplyInput
import ComplyModel
import Foundation
import Testing

/// A register schema in the shape of the bundled pack's (a subset), built here so these tests do not depend on
/// the rule files.
let testSchema = Schema(
  fields: [
    FieldSpec(
      name: "project_id", type: .text, title: .init(zh: "项目编号", en: "Project id"), headers: ["项目编号", "项目代码", "编号"]),
    FieldSpec(name: "name", type: .text, title: .init(zh: "项目名称", en: "Name"), headers: ["项目名称"]),
    FieldSpec(name: "county", type: .text, title: .init(zh: "县区", en: "County"), headers: ["县区", "县(区)", "所属县"]),
    FieldSpec(
      name: "eia_category", type: .enumeration, title: .init(zh: "环评类别", en: "EIA category"),
      headers: ["环评类别", "环评文件类型"],
      values: [
        EnumValue(canonical: "报告书", spellings: ["报告书", "环境影响报告书"]),
        EnumValue(canonical: "报告表", spellings: ["报告表", "环境影响报告表"]),
        EnumValue(canonical: "登记表", spellings: ["登记表", "环境影响登记表"]),
      ]),
    FieldSpec(
      name: "eia_approval_date", type: .date, title: .init(zh: "环评批复日期", en: "Approval date"),
      headers: ["环评批复日期", "批复日期"]),
    FieldSpec(
      name: "major_change", type: .bool, title: .init(zh: "重大变动", en: "Major change"), headers: ["重大变动"],
      defaultText: "否"),
    FieldSpec(
      name: "total_investment_wan", type: .number, title: .init(zh: "总投资", en: "Total investment"),
      headers: ["总投资(万元)", "总投资"], unit: "万元", unitFactors: ["元": 0.0001, "亿元": 10000]),
    FieldSpec(name: "remarks", type: .text, title: .init(zh: "备注", en: "Remarks"), headers: ["备注"]),
  ],
  keyField: 0, blankTokens: ["/", "-", "—", "无"])

enum Field {
  static let id = 0
  static let name = 1
  static let county = 2
  static let category = 3
  static let approval = 4
  static let majorChange = 5
  static let investment = 6
  static let remarks = 7
}

/// A temporary register file, removed when the test ends.
final class TempFile {
  let path: String

  init(_ bytes: [UInt8], extension ext: String = "csv") throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString).\(ext)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  convenience init(_ text: String, extension ext: String = "csv") throws {
    try self.init(Array(text.utf8), extension: ext)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Everything a reader yields, sorted into kinds.
struct ReadResult {
  var records: [Record] = []
  var rejections: [RowRejection] = []
  var diagnostics: [Diagnostic] = []
  var mapping: HeaderMapping
  var failure: InputError?

  /// Diagnostic codes, without the missing-column warnings most tests' small headers cause.
  func codes() -> [String] { diagnostics.map(\.code.rawValue).filter { $0 != "input.missing-column" } }

  var rowDiagnostics: [Diagnostic] { diagnostics.filter { $0.code != .inputMissingColumn } }
}

func read(
  _ text: String, extension ext: String = "csv", options: ReadOptions = ReadOptions(), schema: Schema = testSchema
) throws -> ReadResult {
  try read(bytes: Array(text.utf8), extension: ext, options: options, schema: schema)
}

func read(
  bytes: [UInt8], extension ext: String = "csv", options: ReadOptions = ReadOptions(), schema: Schema = testSchema
) throws -> ReadResult {
  let file = try TempFile(bytes, extension: ext)
  let reader = try RegisterReader(path: file.path, displayPath: "reg.\(ext)", schema: schema, options: options)
  var result = ReadResult(mapping: reader.mapping)
  for event in reader {
    switch event {
    case .record(let record): result.records.append(record)
    case .rejected(let rejection): result.rejections.append(rejection)
    case .diagnostic(let diagnostic): result.diagnostics.append(diagnostic)
    }
  }
  #expect(reader.recordsRead == result.records.count)
  #expect(reader.rejectedCount == result.rejections.count)
  result.failure = reader.failure
  return result
}

/// The InputError `body` throws, or nil.
func inputError(_ body: () throws -> Void) -> InputError? {
  do {
    try body()
    return nil
  } catch let error as InputError {
    return error
  } catch {
    return nil
  }
}

let allHeaders = "项目编号,项目名称,县区,环评类别,环评批复日期,重大变动,总投资(万元),备注"
