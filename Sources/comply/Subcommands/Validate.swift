import ArgumentParser
import Comply
import ComplyModel
import ComplyReport

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check rule packs: YAML, keys, ids, translations, examples and every expression.",
    discussion: "Prints file:line:col diagnostics with the source line and a caret. Exits 0 when clean, 2 on any error."
  )

  @Argument(help: "Pack folders, folders of packs, or rule files (default: the bundled rules).")
  var paths: [String] = []

  @Option(help: "Output format: text, json, sarif or github (workflow annotations).")
  var format: DiagnosticFormat = .text

  func run() throws {
    let targets = try RulePaths.resolve(paths)
    var diagnostics: [Diagnostic] = []
    var ruleCount = 0
    for path in targets {
      let result = PackLoader.load(path)
      diagnostics += result.diagnostics
      ruleCount += result.packs.reduce(0) { $0 + $1.rules.count }
    }
    let sorted = diagnostics.sorted()
    let errors = sorted.filter { $0.severity == .error }.count
    let warnings = sorted.count - errors
    let counts: [(String, JSON)] = [
      ("valid", .bool(errors == 0)), ("rules", .int(ruleCount)), ("errors", .int(errors)), ("warnings", .int(warnings)),
    ]
    let report = DiagnosticReport(version: ComplyVersion.current)
    switch format {
    case .json: Terminal.write(report.json(sorted, extra: counts))
    case .sarif: Terminal.write(report.sarif(sorted, properties: counts))
    case .text, .github:
      if format == .github {
        Terminal.write(DiagnosticReport.github(sorted))
      } else {
        var renderer = DiagnosticRenderer(colour: Terminal.colour(for: 1))
        for diagnostic in sorted { Terminal.write(renderer.render(diagnostic)) }
      }
      Terminal.write(
        errors > 0 ? "\(errors) error(s), \(warnings) warning(s)\n" : "\(ruleCount) rule(s) valid, \(warnings) warning(s)\n")
    }
    if errors > 0 { throw ExitStatus.invalidRules.exitCode }
  }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Rule paths from the command line, or the bundled rules.
enum RulePaths {
  static func resolve(_ paths: [String]) throws -> [String] {
    if !paths.isEmpty { return paths }
    guard let root = BundledRules.root() else {
      Terminal.error("error: no rules given and no bundled rules found (set COMPLY_RULES or pass a path)\n")
      throw ExitStatus.invalidRules.exitCode
    }
    return [CheckArguments.relative(root)]
  }
}
