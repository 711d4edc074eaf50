import Foundation
import Testing

/// Exit statuses as the README documents them, including the most-serious-wins order across inputs.
@Suite struct ExitStatusTests {
  @Test func validateExitsZeroOnTheBundledPack() throws {
    let result = try CLI.run(["validate", "Rules/eia"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("rule(s) valid"))
  }

  @Test func testPassesOnTheBundledPackAndEndsWithTheCountLine() throws {
    let result = try CLI.run(["test", "Rules/eia"])
    #expect(result.status == 0, "\(result.stdout)")
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasSuffix("passed, 0 failed"))
    #expect(!last.hasPrefix("0 passed"))
  }

  @Test func missingInputExitsThreeAndTheRestIsStillChecked() throws {
    let result = try CLI.run([
      "check", "no-such-register.csv", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json",
    ])
    #expect(result.status == 3)
    #expect(result.stderr.contains("no-such-register.csv"))
    let report = try CLI.json(result.stdout)
    #expect(((report["findings"] as? [Any]) ?? []).count > 0)
  }

  /// A full disk (`/dev/full`) is said on standard error with status 3, for a report and for a command's own
  /// output; Foundation's `FileHandle.write` had stopped the process instead.
  @Test(arguments: [
    ["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json"],
    ["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05"],
    ["validate", "Rules/eia"],
  ])
  func outputThatCannotBeWrittenExitsThree(arguments: [String]) throws {
    let result = try CLI.run(arguments, stdoutPath: "/dev/full")
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("cannot write standard output: No space left on device"))
  }

  /// An existing folder given as `--output` is a usage error, and the folder is kept: the report had replaced it,
  /// with everything in it.
  @Test func anOutputThatIsAFolderIsRefusedAndKept() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "kept".write(to: dir.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json", "--output", dir.path,
    ])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("it is a folder"))
    #expect(try String(contentsOf: dir.appendingPathComponent("data.txt"), encoding: .utf8) == "kept")
  }

  @Test func invalidRulesExitTwoAndNothingIsChecked() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-badpack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: CLI.path("Rules/eia/pack.yaml"), toPath: dir.appendingPathComponent("pack.yaml").path)
    let rule = try String(contentsOfFile: CLI.path("Rules/eia/construction-before-approval.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "or construction_start_date < eia_approval_date", with: "or construction_start < eia_approval_date")
    try rule.write(to: dir.appendingPathComponent("construction-before-approval.yaml"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--rules", dir.path, "--as-of", "2018-11-05"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("construction-before-approval.yaml:11:6: error: unknown field 'construction_start' [expr.unknown-field]"))
    #expect(result.stderr.contains("did you mean 'construction_start_date'?"))
    let validate = try CLI.run(["validate", dir.path])
    #expect(validate.status == 2)
  }

  @Test func usageErrorsExitSixtyFour() throws {
    #expect(try CLI.run(["check"]).status == 64)
    #expect(try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-13-01"]).status == 64)
    #expect(try CLI.run(["check", "Samples/ngari-2018-register.csv", "--rule", "no-such-rule"]).status == 64)
    #expect(try CLI.run(["check", "Samples/ngari-2018-register.csv", "--format", "pdf"]).status == 64)
  }

  @Test func explainShowsEveryRuleForOneProject() throws {
    let result = try CLI.run(["explain", "ALI-2017-026", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("[construction-before-approval]"))
    #expect(result.stdout.split(separator: "\n").filter { $0.contains("[") && $0.contains("]") }.count >= 12)
    #expect(try CLI.run(["explain", "NO-SUCH-ID", "Samples/ngari-2018-register.csv"]).status == 1)
  }

  @Test func outputFileIsWrittenAndAMissingFolderIsAClearError() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let ok = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json", "--output", out])
    #expect(ok.stdout.isEmpty)
    #expect(try CLI.json(String(contentsOfFile: out, encoding: .utf8))["findings"] != nil)
    let missing = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--output", "/no/such/dir/r.json"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("does not exist"))
  }
}
