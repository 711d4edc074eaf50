import ComplyModel
import Foundation
import Testing

import ComplyRules

/// Rule files saved with CRLF line endings, as editors on Windows save them, load and report as with LF.
@Suite struct LineEndingTests {
  @Test func aPackSavedWithCRLFLoadsAsWithLF() throws {
    let folder = try Self.crlfCopy(of: ["pack/pack.yaml", "pack/base-rule.yaml"])
    let crlf = PackLoader.loadPack(folder.path)
    #expect(crlf.diagnostics.isEmpty, "\(Fixtures.render(crlf.diagnostics))")
    let lf = PackLoader.loadPack(Fixtures.path("pack"))
    #expect(crlf.pack?.rules.map(\.id) == lf.pack?.rules.map(\.id))
    #expect(crlf.pack?.rules.map(\.location.line) == lf.pack?.rules.map(\.location.line))
  }

  @Test func aBrokenCRLFRuleIsReportedAtTheSameLineAndColumn() throws {
    let name = "unknown-field-literal-block"
    let folder = try Self.crlfCopy(of: ["invalid/pack.yaml", "invalid/\(name).yaml"])
    let crlf = PackLoader.loadPack(folder.path, only: folder.appendingPathComponent("\(name).yaml").path).diagnostics
    let lf = Fixtures.loadInvalidRule(name).diagnostics
    #expect(!lf.isEmpty)
    #expect(crlf.map(\.code) == lf.map(\.code))
    #expect(crlf.map(\.message) == lf.map(\.message))
    #expect(crlf.map { [$0.location?.line, $0.location?.column] } == lf.map { [$0.location?.line, $0.location?.column] })
    // Rendered with the line they point at and a caret under the column, as for LF.
    let rendered = Fixtures.render(crlf).replacingOccurrences(of: folder.path + "/", with: "$FIXTURES/invalid/")
    #expect(rendered == Fixtures.render(lf))
  }

  /// Copies fixture files into a new folder with every LF made CRLF.
  static func crlfCopy(of files: [String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comply-crlf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for file in files {
      let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
      let name = URL(fileURLWithPath: file).lastPathComponent
      try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }
}
