// Fixture convention for ComplyRulesTests.
//
// Fixtures are read from the source tree, found from this file's #filePath (not from the working directory and
// not from a resource bundle), so diagnostics name stable paths:
//
//   Fixtures/pack/pack.yaml, base-rule.yaml   a valid pack (pack.yaml is a copy of Rules/eia/pack.yaml) and a
//                                            valid rule; every invalid case below is a small edit of base-rule.
//   Fixtures/invalid/pack.yaml               the same copy of Rules/eia/pack.yaml
//   Fixtures/invalid/<case>.yaml             one broken rule file, loaded alone with
//                                            `PackLoader.loadPack(Fixtures/invalid, only: <case>.yaml)`
//   Fixtures/packs/<case>/pack.yaml          one broken pack file, loaded with `PackLoader.loadPack(<case>)`
//   <case>.diagnostics.txt                   beside each case (for packs: Fixtures/packs/<case>.diagnostics.txt):
//                                            every diagnostic the loader returns, in its (sorted) order, rendered
//                                            by `DiagnosticRenderer(colour: false)` and concatenated.
//
// In the expected files the absolute path of the Fixtures folder is written `$FIXTURES/`, so a diagnostic reads
// `$FIXTURES/invalid/unknown-key.yaml:13:1: error: …`. Rule ids equal file names, so each case is named after
// its id (except `id-mismatch` and `non-kebab-id`, whose mistake that is).
//
// To regenerate the expected files on purpose, run the tests with COMPLY_UPDATE_FIXTURES=1, then read the diff:
// an expected file is a specification, not a copy of whatever the loader prints today.

import ComplyModel
import ComplyReport
import ComplyRules
import Foundation
import Testing

enum Fixtures {
  /// `…/Tests/ComplyRulesTests/Fixtures`, without a trailing slash.
  static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  static let placeholder = "$FIXTURES/"

  static func path(_ relative: String) -> String { root + "/" + relative }

  /// The case names in a fixture folder: files (`.yaml`, not `pack.yaml`) or sub-folders.
  static func cases(in folder: String, folders: Bool = false) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
    if folders {
      return names.filter { name in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path("\(folder)/\(name)"), isDirectory: &isDirectory)
          && isDirectory.boolValue
      }.sorted()
    }
    return names.filter { $0.hasSuffix(".yaml") && $0 != PackLoader.packFileName }
      .map { String($0.dropLast(".yaml".count)) }.sorted()
  }

  /// Every diagnostic rendered without colour, with the fixture folder written as `$FIXTURES/`.
  static func render(_ diagnostics: [Diagnostic]) -> String {
    var renderer = DiagnosticRenderer(colour: false)
    let text = diagnostics.map { renderer.render($0) }.joined()
    return text.replacingOccurrences(of: root + "/", with: placeholder)
  }

  /// Loads one broken rule file from `Fixtures/invalid` against the pack beside it.
  static func loadInvalidRule(_ name: String) -> (pack: RulePack?, diagnostics: [Diagnostic]) {
    PackLoader.loadPack(path("invalid"), only: path("invalid/\(name).yaml"))
  }

  /// Compares `actual` with the expected file, or rewrites it when COMPLY_UPDATE_FIXTURES is set.
  static func expectMatches(
    _ actual: String, expectedFile relative: String, mayRewrite: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let file = path(relative)
    if mayRewrite, ProcessInfo.processInfo.environment["COMPLY_UPDATE_FIXTURES"] != nil {
      FileManager.default.createFile(atPath: file, contents: Data(actual.utf8))
      return
    }
    guard let data = FileManager.default.contents(atPath: file), let expected = String(data: data, encoding: .utf8)
    else {
      Issue.record("missing \(relative); run with COMPLY_UPDATE_FIXTURES=1 and review it", sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "\(relative) differs from what the loader reports", sourceLocation: sourceLocation)
  }
}
