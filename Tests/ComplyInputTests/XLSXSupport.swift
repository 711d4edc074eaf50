import ComplyInput
import ComplyModel
import Foundation

/// A committed workbook fixture (written by `Fixtures/make_fixtures.py`).
func fixture(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// Reads a fixture workbook, naming it by its file name in records and diagnostics.
func readWorkbook(_ name: String, options: ReadOptions = ReadOptions(), schema: Schema = testSchema) throws
  -> ReadResult
{
  let reader = try RegisterReader(path: fixture(name), displayPath: name, schema: schema, options: options)
  var result = ReadResult(mapping: reader.mapping)
  for event in reader {
    switch event {
    case .record(let record): result.records.append(record)
    case .rejected(let rejection): result.rejections.append(rejection)
    case .diagnostic(let diagnostic): result.diagnostics.append(diagnostic)
    }
  }
  result.failure = reader.failure
  return result
}

extension ReadResult {
  /// Each record's raw text for `field`, by record key.
  func raw(_ field: Int) -> [String: String] {
    Dictionary(records.map { ($0.raw[Field.id] ?? "", $0.raw[field] ?? "<nil>") }, uniquingKeysWith: { a, _ in a })
  }

  func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}
