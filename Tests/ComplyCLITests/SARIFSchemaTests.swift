import Foundation
import Testing

/// `comply check --format sarif` on the 2018 sample, validated against the official SARIF 2.1.0 schema by
/// Tests/scripts/validate_sarif.py (Python's `jsonschema`; `.ci/run` installs it when missing).
@Suite struct SARIFSchemaTests {
  static let script = CLI.path("Tests/scripts/validate_sarif.py")

  /// Runs `python3` with the arguments; nil when python3 cannot be started.
  static func python(_ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static let validatorAvailable = python(["-c", "import jsonschema"])?.status == 0

  func sarif(_ arguments: [String]) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString).sarif")
    let result = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "sarif", "--output", file.path] + arguments)
    #expect(result.status == 1, "the sample has error findings: \(result.stderr)")
    return file
  }

  @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema (python3 -m pip install jsonschema)"))
  func theSampleReportIsValidSARIF() throws {
    for arguments in [[], ["--lang", "en"]] {
      let file = try sarif(arguments)
      defer { try? FileManager.default.removeItem(at: file) }
      let check = try #require(Self.python([Self.script, file.path]))
      #expect(check.status == 0, "\(check.output)")
    }
  }

  @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema (python3 -m pip install jsonschema)"))
  func theValidatorRejectsAnInvalidLog() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString).sarif")
    try #"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}"#
      .write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let check = try #require(Self.python([Self.script, file.path]))
    #expect(check.status == 1)
    #expect(check.output.contains("'name' is a required property"), "\(check.output)")
  }

  @Test func resultsPointAtTheRowAndNameTheProject() throws {
    let file = try sarif([])
    defer { try? FileManager.default.removeItem(at: file) }
    let log = try CLI.json(String(decoding: try Data(contentsOf: file), as: UTF8.self))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
    #expect(rules.count == 12, "every loaded rule is listed")
    let cbaRule = try #require(rules.first { $0["id"] as? String == "construction-before-approval" })
    #expect((cbaRule["shortDescription"] as? [String: Any])?["text"] as? String == "未批先建")
    let ruleProperties = try #require(cbaRule["properties"] as? [String: Any])
    #expect(ruleProperties["nameEn"] as? String == "Construction before EIA approval")
    #expect(((ruleProperties["legalBasis"] as? [[String: Any]])?.first)?["article"] as? String == "25")
    #expect((ruleProperties["penalty"] as? [String: String])?["zh"]?.contains("¥0 – ¥200,000") == true)
    let results = try #require(run["results"] as? [[String: Any]])
    let cba = results.filter { $0["ruleId"] as? String == "construction-before-approval" }
    #expect(cba.count == 10)
    let first = try #require(cba.first)
    let location = try #require((first["locations"] as? [[String: Any]])?.first)
    let physical = try #require(location["physicalLocation"] as? [String: Any])
    #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Samples/ngari-2018-register.csv")
    let row = try #require((first["properties"] as? [String: Any])?["row"] as? Int)
    #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == row, "no quoted line breaks in the sample")
    let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
    #expect((logical["name"] as? String)?.hasPrefix("ALI-") == true)
    #expect(logical["kind"] as? String == "object")
    let provenance = try #require(run["properties"] as? [String: Any])
    #expect(((provenance["inputs"] as? [[String: Any]])?.first?["sha256"] as? String)?.count == 64)
    #expect(provenance["asOf"] as? String == "2018-11-05")
  }
}
