import Foundation
import Testing

/// `comply validate` and `comply test` with `--format json|sarif|github`.
@Suite struct DiagnosticFormatTests {
  static let invalid = "Tests/ComplyRulesTests/Fixtures/invalid/bad-severity.yaml"

  /// A copy of the bundled pack with one example's expectation turned wrong.
  func packWithAFailingExample() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comply-pack-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.path("Rules/eia")), to: folder)
    let rule = folder.appendingPathComponent("construction-before-approval.yaml")
    let text = try String(contentsOf: rule, encoding: .utf8)
    let range = try #require(text.range(of: "    expect: violation"))
    try text.replacingCharacters(in: range, with: "    expect: compliant").write(to: rule, atomically: true, encoding: .utf8)
    return folder
  }

  @Test func validateAsGitHubAnnotationsPointsAtTheLine() throws {
    let result = try CLI.run(["validate", Self.invalid, "--format", "github"])
    #expect(result.status == 2)
    let first = try #require(result.stdout.split(separator: "\n").first)
    #expect(first.hasPrefix("::error file="), "\(first)")
    #expect(first.contains("bad-severity.yaml,line=3,col=11::severity must be one of"), "\(first)")
    #expect(first.hasSuffix("[rule.bad-value]%0Anote: did you mean 'error'?"), "notes stay on the annotation")
  }

  @Test func validateAsJSONAndSARIF() throws {
    let json = try CLI.run(["validate", Self.invalid, "--format", "json"])
    #expect(json.status == 2)
    let object = try CLI.json(json.stdout)
    #expect(object["valid"] as? Bool == false)
    let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(diagnostic["code"] as? String == "rule.bad-value")
    #expect(diagnostic["line"] as? Int == 3)
    let sarif = try CLI.run(["validate", Self.invalid, "--format", "sarif"])
    let run = try #require((try CLI.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    #expect(result["ruleId"] as? String == "rule.bad-value")
    let clean = try CLI.run(["validate", "Rules/eia", "--format", "json"])
    #expect(clean.status == 0)
    #expect(try CLI.json(clean.stdout)["rules"] as? Int == 12)
  }

  @Test func testNamesAFailingExampleInEveryFormat() throws {
    let pack = try packWithAFailingExample()
    defer { try? FileManager.default.removeItem(at: pack) }
    let github = try CLI.run(["test", pack.path, "--format", "github"])
    #expect(github.status == 1)
    let file = pack.appendingPathComponent("construction-before-approval.yaml").path
    #expect(github.stdout.contains("::error file=\(file),line="), "\(github.stdout)")
    #expect(github.stdout.contains("::example 'construction-before-approval — started the day before approval' failed"))
    #expect(github.stdout.hasSuffix("failed\n"))
    let json = try CLI.run(["test", pack.path, "--format", "json"])
    #expect(json.status == 1)
    let object = try CLI.json(json.stdout)
    #expect(object["failed"] as? Int == 1)
    #expect((object["passed"] as? Int ?? 0) > 50)
    let failing = ((object["examples"] as? [[String: Any]]) ?? []).filter { $0["passed"] as? Bool == false }
    #expect(failing.first?["rule_id"] as? String == "construction-before-approval")
    #expect((object["coverage"] as? [Any])?.count == 12)
    let sarif = try CLI.run(["test", pack.path, "--format", "sarif"])
    let run = try #require((try CLI.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.count == 1)
  }
}
