import ArgumentParser
import Comply
import ComplyModel
import ComplyReport

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run every rule's examples and report clause coverage.",
    discussion: "Names a failing example by file:line, ends with 'N passed, M failed', exits 1 on any failure."
  )

  @Argument(help: "Pack folders, folders of packs, or rule files (default: the bundled rules).")
  var paths: [String] = []

  @Flag(help: "List every example, not only failures.")
  var verbose = false

  @Option(help: "Output format: text, json, sarif or github (workflow annotations for failed examples).")
  var format: DiagnosticFormat = .text

  func run() throws {
    var packs: [RulePack] = []
    var diagnostics: [Diagnostic] = []
    for path in try RulePaths.resolve(paths) {
      let result = PackLoader.load(path)
      packs += result.packs
      diagnostics += result.diagnostics
    }
    let report = DiagnosticReport(version: ComplyVersion.current)
    if diagnostics.hasErrors {
      let sorted = diagnostics.sorted()
      switch format {
      case .text:
        var renderer = DiagnosticRenderer(colour: Terminal.colour(for: 1))
        for diagnostic in sorted { Terminal.write(renderer.render(diagnostic)) }
      case .json: Terminal.write(report.json(sorted, extra: [("valid", .bool(false))]))
      case .sarif: Terminal.write(report.sarif(sorted, properties: [("valid", .bool(false))]))
      case .github: Terminal.write(DiagnosticReport.github(sorted))
      }
      throw ExitStatus.invalidRules.exitCode
    }
    let results = packs.map { ExampleRunner(pack: $0).runAll() }
    let failures = results.joined().filter { !$0.passed }.map { result in
      Diagnostic.error(
        .ruleExample, "example '\(result.example)' failed: \(result.failures.joined(separator: "; "))",
        at: result.example.location)
    }
    let passed = results.joined().count - failures.count
    switch format {
    case .text: printText(packs, results)
    case .json: Terminal.write(report.json(failures, extra: Test.json(packs, results)))
    case .sarif:
      Terminal.write(report.sarif(failures, properties: [("passed", .int(passed)), ("failed", .int(failures.count))]))
    case .github:
      Terminal.write(DiagnosticReport.github(failures))
      Terminal.write("\(passed) passed, \(failures.count) failed\n")
    }
    if !failures.isEmpty { throw ExitStatus.findings.exitCode }
  }

  /// Counts, every example with its outcome, and each rule's clause coverage.
  static func json(_ packs: [RulePack], _ results: [[ExampleRunner.Result]]) -> [(String, JSON)] {
    let all = results.joined()
    let examples: [JSON] = all.map { r in
      .object([
        ("rule_id", .string(r.example.ruleID)), ("name", .string(r.example.name)),
        ("path", .string(r.example.location.file)), ("line", .int(r.example.location.line)),
        ("passed", .bool(r.passed)), ("failures", .array(r.failures.map(JSON.string))),
      ])
    }
    let coverage: [JSON] = packs.flatMap { pack in
      pack.rules.map { rule in
        let c = ClauseCoverage(rule: rule, pack: pack)
        return .object([
          ("pack", .string(pack.name)), ("rule_id", .string(rule.id)),
          ("violation_examples", .int(c.violationExamples)), ("other_examples", .int(c.otherExamples)),
          ("clauses", .int(c.clauses.count)), ("clauses_covered", .int(c.clauses.count - c.uncovered.count)),
        ])
      }
    }
    let failed = all.filter { !$0.passed }.count
    return [
      ("passed", .int(all.count - failed)), ("failed", .int(failed)), ("examples", .array(examples)),
      ("coverage", .array(coverage)),
    ]
  }

  private func printText(_ packs: [RulePack], _ results: [[ExampleRunner.Result]]) {
    var passed = 0
    var failed = 0
    for (pack, packResults) in zip(packs, results) {
      for result in packResults {
        let example = result.example
        let place = "\(example.location.file):\(example.location.line)"
        if result.passed {
          passed += 1
          if verbose { Terminal.write("\(place): pass: \(example)\n") }
        } else {
          failed += 1
          Terminal.write("\(place): FAIL: \(example): \(result.failures.joined(separator: "; "))\n")
        }
      }
      Terminal.write("\ncoverage (\(pack.name)):\n")
      for rule in pack.rules {
        let coverage = ClauseCoverage(rule: rule, pack: pack)
        let total = coverage.clauses.count
        let covered = total - coverage.uncovered.count
        Terminal.write(
          "  \(rule.id): \(coverage.violationExamples) violation, \(coverage.otherExamples) other example(s); "
            + "clauses exercised both ways \(covered)/\(total)\n")
        for clause in coverage.uncovered {
          let never = clause.seenTrue ? "never false" : clause.seenFalse ? "never true" : "never decided"
          Terminal.write("    \(clause.condition): `\(clause.source)` \(never)\n")
        }
      }
    }
    Terminal.write("\n\(passed) passed, \(failed) failed\n")
  }
}
