import ArgumentParser
import Comply
import Foundation

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check registers against the rules and report every violation.",
    discussion: """
      Reads CSV, JSON, JSON Lines and YAML registers ('-' is standard input). Exit status: 0 no finding at or \
      above --fail-on; 1 findings at or above it (or a CI gate tripped); 2 invalid rules; 3 unreadable input; \
      64 usage error. With several inputs comply reads them all and exits with the most serious status.
      """
  )

  @Argument(help: "Register files to check ('-' for standard input).")
  var files: [String] = []

  @OptionGroup var options: CheckArguments

  @Option(help: "Output format: text, json, sarif, junit, markdown or csv.")
  var format: OutputFormat = .text

  @Option(help: "Write the report to this file instead of standard output (written atomically).")
  var output: String?

  @Option(help: "Exit 1 when a finding has at least this severity: error, warning, notice or never.")
  var failOn: FailLevel = .error

  @Flag(help: "Exit 1 when any outcome is undetermined.")
  var failOnUndetermined = false

  @Option(help: "Exit 1 when more than N rows are rejected.")
  var maxRejected: Int?

  @Flag(help: "Print which column became which field, and which fields were not found, then stop.")
  var showMapping = false

  mutating func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one register file, or '-' for standard input") }
    if let maxRejected, maxRejected < 0 { throw ValidationError("--max-rejected must be 0 or more") }
  }

  func run() throws {
    let setup = try options.load(files: files)
    if showMapping {
      try ShowMapping.print(files: files, setup: setup)
      return
    }
    let sink: FileSink
    if let output {
      do throws(OutputError) { sink = try FileSink.file(output) } catch {
        Terminal.error("error: \(error.message)\n")
        throw ExitStatus.usage.exitCode
      }
    } else {
      sink = FileSink.standardOutput()
    }
    let reporter = format.reporter(sink: sink)
    let summary = setup.checker.check(files, reporters: [reporter], version: ComplyVersion.current)
    do throws(OutputError) { try sink.close() } catch {
      Terminal.error("error: \(error.message)\n")
      throw ExitStatus.unreadableInput.exitCode
    }
    var statuses: [ExitStatus] = []
    for input in summary.inputs where input.failure != nil {
      Terminal.error("error: \(input.path): \(input.failure ?? "")\n")
      statuses.append(.unreadableInput)
    }
    if let threshold = failOn.severity, summary.findingsBySeverity.contains(where: { $0.key >= threshold && $0.value > 0 }) {
      statuses.append(.findings)
    }
    if failOnUndetermined, summary.undetermined > 0 { statuses.append(.findings) }
    if let maxRejected, summary.rejected > maxRejected {
      Terminal.error("error: \(summary.rejected) rows rejected, more than --max-rejected \(maxRejected)\n")
      statuses.append(.findings)
    }
    let status = ExitStatus.worst(statuses)
    if status != .success { throw status.exitCode }
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif, junit, markdown, csv

  func reporter(sink: any OutputSink) -> any Reporter {
    switch self {
    case .text: TextReporter(sink: sink)
    case .json: JSONReporter(sink: sink)
    case .sarif: SARIFReporter(sink: sink)
    case .junit: JUnitReporter(sink: sink)
    case .markdown: MarkdownReporter(sink: sink)
    case .csv: CSVReporter(sink: sink)
    }
  }
}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
  case error, warning, notice, never
  var severity: Severity? { self == .never ? nil : Severity(rawValue: rawValue) }
}
