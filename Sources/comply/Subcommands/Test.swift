import ArgumentParser
import Comply
import ComplyModel
import ComplyReport

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run every rule's examples and report clause coverage.",
    discussion: "Names a failing example by file:line, ends with 'N passed, M failed', exits 1 on any failure."
  )

  @Argument(help: "Pack folders, folders of packs, or rule files (default: the bundled rules).")
  var paths: [String] = []

  @Flag(help: "List every example, not only failures.")
  var verbose = false

  func run() throws {
    var packs: [RulePack] = []
    var diagnostics: [Diagnostic] = []
    for path in try RulePaths.resolve(paths) {
      let result = PackLoader.load(path)
      packs += result.packs
      diagnostics += result.diagnostics
    }
    if diagnostics.hasErrors {
      var renderer = DiagnosticRenderer(colour: Terminal.colour(for: 1))
      for diagnostic in diagnostics.sorted() { Terminal.write(renderer.render(diagnostic)) }
      throw ExitStatus.invalidRules.exitCode
    }
    var passed = 0
    var failed = 0
    for pack in packs {
      for result in ExampleRunner(pack: pack).runAll() {
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
    if failed > 0 { throw ExitStatus.findings.exitCode }
  }
}
