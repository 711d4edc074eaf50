import ComplyModel
import ComplyRules
import Foundation
import Testing

/// Broken rule files and their exact diagnostics. See FixtureSupport.swift for the fixture convention.
@Suite struct InvalidRuleTests {
  static let cases = Fixtures.cases(in: "invalid")

  /// Cases whose expected file states the correct behaviour that the loader does not give yet.
  static let knownIssues: [String: Comment] = [:]

  @Test func theFixturesAreThere() {
    // So that the parameterized test below can never pass by running nothing.
    #expect(Self.cases.count >= 18)
    for name in Self.cases {
      #expect(
        FileManager.default.fileExists(atPath: Fixtures.path("invalid/\(name).diagnostics.txt")),
        "\(name).yaml has no \(name).diagnostics.txt")
    }
  }

  @Test func theBaseRuleTheCasesEditIsValid() throws {
    let result = PackLoader.loadPack(Fixtures.path("pack"))
    #expect(result.diagnostics.isEmpty, "\(Fixtures.render(result.diagnostics))")
    let pack = try #require(result.pack)
    #expect(pack.rules.map(\.id) == ["base-rule"])
  }

  @Test func theFixturePacksAreCopiesOfTheBundledPack() {
    let bundled = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Rules/eia/pack.yaml").path
    let original = FileManager.default.contents(atPath: bundled)
    #expect(original != nil)
    #expect(FileManager.default.contents(atPath: Fixtures.path("pack/pack.yaml")) == original)
    #expect(FileManager.default.contents(atPath: Fixtures.path("invalid/pack.yaml")) == original)
  }

  @Test(arguments: cases)
  func diagnostics(of name: String) {
    let result = Fixtures.loadInvalidRule(name)
    #expect(result.pack == nil, "a pack with a broken rule must not load")
    #expect(result.diagnostics.hasErrors)
    #expect(result.diagnostics == result.diagnostics.sorted(), "diagnostics are sorted")
    let actual = Fixtures.render(result.diagnostics)
    if let issue = Self.knownIssues[name] {
      withKnownIssue(issue) {
        Fixtures.expectMatches(actual, expectedFile: "invalid/\(name).diagnostics.txt", mayRewrite: false)
      }
    } else {
      Fixtures.expectMatches(actual, expectedFile: "invalid/\(name).diagnostics.txt")
    }
  }

  /// The acceptance criterion: a misspelt field on the 3rd line of a literal-block condition is reported at
  /// that line and column of the YAML file, with "did you mean".
  @Test func aLiteralBlockErrorPointsAtTheMisspellingInTheFile() throws {
    let diagnostics = Fixtures.loadInvalidRule("unknown-field-literal-block").diagnostics
    let file = Fixtures.path("invalid/unknown-field-literal-block.yaml")
    #expect(diagnostics == [
      .error(
        .exprUnknownField, "unknown field 'eia_aproval_date'", at: Location(file: file, line: 10, column: 63),
        notes: [Diagnostic.Note("did you mean 'eia_approval_date'?")])
    ])
    // Column 63 is where the name starts on line 10 (counted independently of the loader).
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let line = lines[9]
    let offset = try #require(line.range(of: "eia_aproval_date")).lowerBound
    #expect(line.unicodeScalars[..<offset].count + 1 == 63)
  }

  @Test func aMistakeAfterChineseTextCountsScalarsAndPlacesTheCaretByWidth() throws {
    let diagnostics = Fixtures.loadInvalidRule("unknown-field-in-chinese-message").diagnostics
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    // `  zh: "` is 7 scalars and `开工日期{` 5 more: the name starts at column 13 ...
    #expect(d.location?.line == 11 && d.location?.column == 13)
    // ... and the caret sits under it after 7 + 4×2 + 1 = 16 terminal columns.
    let rendered = Fixtures.render(diagnostics).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rendered[1] == "  zh: \"开工日期{construction_start}早于批复\"")
    #expect(rendered[2] == String(repeating: " ", count: 16) + "^")
  }

  @Test(.timeLimit(.minutes(1)))
  func aBillionLaughsFileIsRefusedPromptly() throws {
    let file = Fixtures.path("invalid/billion-laughs.yaml")
    let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
    #expect(size == 545)
    let diagnostics = Fixtures.loadInvalidRule("billion-laughs").diagnostics
    // Each anchored node is refused without walking into it: ten, one per line a…j, and nothing else (the
    // rule is not decoded further, so the refused keys do not read as missing ones).
    #expect(diagnostics.map(\.code) == Array(repeating: .ruleAlias, count: 10))
    #expect(diagnostics.map(\.location?.line) == Array(3...12))
    #expect(diagnostics.first?.message == "YAML anchors and aliases are not allowed in rule files")
  }

  @Test func aFoldedOrPlainMultiLineConditionIsRefused() {
    for name in ["multiline-plain", "multiline-folded"] {
      let codes = Fixtures.loadInvalidRule(name).diagnostics.map(\.code)
      #expect(codes == [.ruleMultilineExpression], "\(name)")
    }
  }

  @Test func loadingOneRuleFileByItsPathGivesTheSameDiagnostics() {
    // `PackLoader.load` on a rule file loads its pack with that rule only.
    let direct = PackLoader.load(Fixtures.path("invalid/unknown-key.yaml"))
    #expect(direct.packs.isEmpty)
    #expect(direct.diagnostics == Fixtures.loadInvalidRule("unknown-key").diagnostics)
  }
}
