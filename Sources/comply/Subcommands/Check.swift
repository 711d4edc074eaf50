import ArgumentParser
import Comply
import Foundation

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check registers against the rules and report every violation.",
    discussion: """
      Reads CSV, Excel (.xlsx), JSON, JSON Lines and YAML registers ('-' is standard input). Exit status: 0 no finding at or \
      above --fail-on; 1 findings at or above it (or a CI gate tripped); 2 invalid rules; 3 unreadable input; \
      64 usage error. With several inputs comply reads them all and exits with the most serious status.
      """
  )

  @Argument(help: "Register files or folders of registers to check ('-' for standard input).")
  var files: [String] = []

  @OptionGroup var options: CheckArguments

  @Option(
    help: """
      Output format: text, json, sarif, junit, markdown, csv, html or annotated (the CSV register back with the \
      findings in added columns; one CSV file only). Repeat it, each with its --output, for several reports in one \
      run; the last may go without --output, to standard output.
      """)
  var format: [OutputFormat] = []

  @Option(help: "Write the report of the --format in the same position to this file (written atomically).")
  var output: [String] = []

  @Option(help: "The most findings the HTML report's table lists, most serious first (counts cover them all).")
  var htmlLimit = 5_000

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
    if htmlLimit < 0 { throw ValidationError("--html-limit must be 0 or more") }
    if format.contains(.annotated) {
      guard files.count == 1, let file = files.first, file != "-" else {
        throw ValidationError("--format annotated takes exactly one register file (not standard input)")
      }
      guard (options.inputFormat ?? InputFormat(pathExtensionOf: file) ?? .csv) == .csv else {
        throw ValidationError("--format annotated takes a CSV register; \(file) is not CSV")
      }
    }
    _ = try reports()
  }

  /// Each format with its file, paired by position; nil is standard output, for the last format only.
  func reports() throws -> [(format: OutputFormat, path: String?)] {
    let formats = format.isEmpty ? [OutputFormat.text] : format
    guard output.count == formats.count || output.count == formats.count - 1 else {
      throw ValidationError(
        "\(formats.count) --format and \(output.count) --output: each --format takes the --output in the same "
          + "position, and only the last may go without one (to standard output)")
    }
    if let twice = Dictionary(grouping: output, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
      throw ValidationError("--output \(twice) is given twice")
    }
    return formats.enumerated().map { ($0.element, $0.offset < output.count ? output[$0.offset] : nil) }
  }

  func run() throws {
    let setup = try options.load(files: files)
    if showMapping {
      try ShowMapping.print(files: files, setup: setup)
      return
    }
    let reports = try reports()
    var sinks: [FileSink] = []
    for report in reports {
      guard let path = report.path else {
        sinks.append(FileSink.standardOutput())
        continue
      }
      do throws(OutputError) { sinks.append(try FileSink.file(path)) } catch {
        for sink in sinks { sink.discard() }
        Terminal.error("error: \(error.message)\n")
        throw ExitStatus.usage.exitCode
      }
    }
    let reporters = zip(reports, sinks).map {
      $0.format.reporter(sink: $1, htmlLimit: htmlLimit, read: setup.checker.options.read)
    }
    let progressLine = ProgressLine.wanted() ? ProgressLine(language: options.lang) : nil
    let summary = setup.checker.check(
      RegisterFiles.expand(files), reporters: reporters, version: ComplyVersion.current, progress: progressLine.map { line in { line.update($0) } })
    progressLine?.finish()
    // Every report is closed (or its unfinished file removed) before one that failed stops the run.
    var unwritten = false
    for sink in sinks {
      do throws(OutputError) { try sink.close() } catch {
        Terminal.error("error: \(error.message)\n")
        unwritten = true
      }
    }
    if unwritten { throw ExitStatus.unreadableInput.exitCode }
    var statuses: [ExitStatus] = []
    for input in summary.inputs where input.failure != nil {
      Terminal.error("error: \(input.path): \(input.failure ?? "")\n")
      statuses.append(.unreadableInput)
    }
    if let threshold = failOn.severity, summary.openBySeverity.contains(where: { $0.key >= threshold && $0.value > 0 }) {
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
  case text, json, sarif, junit, markdown, csv, html, annotated

  func reporter(sink: any OutputSink, htmlLimit: Int = 5_000, read: ReadOptions = ReadOptions()) -> any Reporter {
    switch self {
    case .text: TextReporter(sink: sink)
    case .json: JSONReporter(sink: sink)
    case .sarif: SARIFReporter(sink: sink)
    case .junit: JUnitReporter(sink: sink)
    case .markdown: MarkdownReporter(sink: sink)
    case .csv: CSVReporter(sink: sink)
    case .html: HTMLReporter(sink: sink, limit: htmlLimit)
    case .annotated: AnnotatedReporter(sink: sink, read: read)
    }
  }
}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
  case error, warning, notice, never
  var severity: Severity? { self == .never ? nil : Severity(rawValue: rawValue) }
}
