import Foundation
import Testing

/// `--format` end to end: each format on the sample, several formats in one run, and their pairing with
/// `--output`.
@Suite struct ReportFormatTests {
  static let sample = "Samples/ngari-2018-register.csv"

  func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString)-\(name)").path
  }

  @Test func severalFormatsInOneRunEachToItsFile() throws {
    let (sarif, csv, junit) = (temporary("r.sarif"), temporary("r.csv"), temporary("r.xml"))
    defer { for path in [sarif, csv, junit] { try? FileManager.default.removeItem(atPath: path) } }
    let result = try CLI.run([
      "check", Self.sample, "--as-of", "2018-11-05", "--format", "sarif", "--output", sarif, "--format", "csv",
      "--output", csv, "--format", "junit", "--output", junit, "--format", "json",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    let json = try CLI.json(result.stdout)
    #expect((json["findings"] as? [Any])?.count == 61, "the last format goes to standard output")
    let sarifText = try String(contentsOfFile: sarif, encoding: .utf8)
    #expect(sarifText.components(separatedBy: "\"ruleId\":").count - 1 == 61)
    let csvText = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(csvText.components(separatedBy: "\r\n").count - 2 == 61, "a header and a row per finding")
    let junitText = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(junitText.contains("<testsuites name=\"comply\" tests=\"12\" failures=\"12\""))
  }

  /// A YAML library setting in the environment must not add lines to a report on standard output (Yams prints
  /// a notice for YAMS_DEFAULT_ENCODING when it is left to choose the encoding). A YAML register too.
  @Test func theEnvironmentCannotAddToAReportOnStandardOutput() throws {
    let result = try CLI.run(
      ["check", Self.sample, "--as-of", "2018-11-05", "--format", "json"], environment: ["YAMS_DEFAULT_ENCODING": "UTF8"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(!result.stdout.contains("YAMS_DEFAULT_ENCODING"))
    #expect((try CLI.json(result.stdout)["findings"] as? [Any])?.count == 61)
    let register = "- 项目编号: X1\n  环评类别: 报告表\n  环评批复日期: 2018-04-10\n  开工日期: 2018-03-01\n"
    let yaml = try CLI.run(
      ["check", "-", "--input-format", "yaml", "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--format", "json"],
      stdin: register, environment: ["YAMS_DEFAULT_ENCODING": "UTF8"])
    #expect(yaml.status == 1, "\(yaml.stderr)")
    #expect((try CLI.json(yaml.stdout)["findings"] as? [Any])?.count == 1, "\(yaml.stdout)")
  }

  @Test func formatsAndOutputsMustPairByPosition() throws {
    let twoToStdout = try CLI.run(["check", Self.sample, "--format", "json", "--format", "csv"])
    #expect(twoToStdout.status == 64)
    #expect(twoToStdout.stderr.contains("each --format takes the --output in the same position"))
    let tooManyOutputs = try CLI.run(["check", Self.sample, "--format", "json", "--output", "a.json", "--output", "b.json"])
    #expect(tooManyOutputs.status == 64)
    let path = temporary("same.json")
    let sameFile = try CLI.run(["check", Self.sample, "--format", "json", "--output", path, "--format", "csv", "--output", path])
    #expect(sameFile.status == 64)
    #expect(sameFile.stderr.contains("given twice"))
  }

  @Test func csvNeutralizesFormulasFromTheRegister() throws {
    let register = "项目编号,项目名称,环评类别,环评批复日期,开工日期\nX1,\"=HYPERLINK(\"\"x\"\")\",报告表,2018-04-10,2018-03-01\n"
    let result = try CLI.run(
      ["check", "-", "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--format", "csv"], stdin: register)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("\u{FEFF}规则编号,规则,"))
    #expect(result.stdout.contains(",X1,\"'=HYPERLINK(\"\"x\"\")\","), "\(result.stdout)")
  }

  @Test func markdownAndTextEndWithProvenance() throws {
    let markdown = try CLI.run(["check", Self.sample, "--as-of", "2018-11-05", "--format", "markdown", "--lang", "en"])
    #expect(markdown.stdout.hasPrefix("# Construction-project EIA compliance v1.0.0 — compliance report\n"))
    #expect(markdown.stdout.contains("| Findings | 61 |"))
    #expect(markdown.stdout.contains("- Input: `Samples/ngari-2018-register.csv` sha256 `"))
    let text = try CLI.run(["check", Self.sample, "--as-of", "2018-11-05"])
    #expect(text.stdout.contains("—— 来源 ——\n  工具：comply "))
    #expect(text.stdout.contains("  选项：as_of=2018-11-05 "))
  }
}
