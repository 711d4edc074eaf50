import ArgumentParser
import Comply
import Foundation

/// Options shared by `check` and `explain`: which rules, which audit date, how to read registers.
struct CheckArguments: ParsableArguments {
  @Option(help: "A rule pack folder (default: the bundled EIA pack).")
  var rules: String?

  @Option(help: "The audit date, YYYY-MM-DD (default: today in China, UTC+8).")
  var asOf: String?

  @Option(help: "Report language: zh or en.")
  var lang: Language = .zh

  @Option(name: .customLong("rule"), help: "Judge only this rule (repeatable).")
  var only: [String] = []

  @Option(name: .customLong("exclude"), help: "Leave out this rule (repeatable).")
  var excluded: [String] = []

  @Option(help: "Register encoding: auto, utf8 or gb18030.")
  var encoding: InputEncoding = .auto

  @Option(help: "Read registers as this format (csv, json, jsonl, yaml, xlsx) whatever their extension.")
  var inputFormat: InputFormat?

  @Option(help: "Workbooks: the sheet to read, or 'all' for every sheet (default: the first).")
  var sheet: String?

  @Option(help: "The header's row number as a spreadsheet shows it (default: found among the first 20 rows).")
  var headerRow: Int?

  @Option(help: "Map a register header to a field: 'HEADER=field' (repeatable).")
  var map: [String] = []

  @Option(help: "An earlier JSON report: mark each finding new or persisting, and list the resolved ones.")
  var baseline: String?

  @Option(
    help: """
      A rectification ledger (YAML, CSV, Excel or JSON): mark each finding closed, in progress, overdue, waived or \
      open, and list the entries no finding matched. Exit status and --fail-on count open and overdue findings only.
      """)
  var ledger: String?

  @Option(help: "Threads that read and judge CSV registers (default: one per core). Results do not depend on it.")
  var jobs: Int?

  struct Setup {
    var pack: RulePack
    var checker: ComplianceChecker
  }

  func load(files: [String]) throws -> Setup {
    guard let path = rules ?? BundledRules.defaultPackPath().map(CheckArguments.relative) else {
      Terminal.error("error: no --rules given and no bundled rules found (set COMPLY_RULES)\n")
      throw ExitStatus.invalidRules.exitCode
    }
    let (packs, diagnostics) = PackLoader.load(path)
    if diagnostics.hasErrors || packs.count != 1 {
      var renderer = DiagnosticRenderer(colour: Terminal.colour(for: 2))
      for d in diagnostics.sorted() { Terminal.error(renderer.render(d)) }
      if packs.count > 1 { Terminal.error("error: \(path) holds several packs; name one with --rules\n") }
      Terminal.error("error: the rules are invalid; nothing was checked\n")
      throw ExitStatus.invalidRules.exitCode
    }
    let pack = packs[0]
    var options = CheckOptions(asOf: try auditDate())
    options.language = lang
    options.only = only
    options.excluded = excluded
    options.read.encoding = encoding
    options.read.format = inputFormat
    if let sheet { options.read.sheet = sheet == "all" ? .all : .named(sheet) }
    if let headerRow {
      guard headerRow >= 1 else { throw ValidationError("--header-row must be 1 or more") }
      options.read.headerRow = headerRow
    }
    if let baseline {
      guard let data = FileManager.default.contents(atPath: baseline) else {
        throw ValidationError("--baseline: cannot read \(baseline)")
      }
      do throws(BaselineError) { options.baseline = try Baseline(jsonReport: data) } catch {
        throw ValidationError("--baseline \(baseline): \(error.message)")
      }
    }
    if let ledger { options.ledger = try CheckArguments.loadLedger(ledger, pack: pack, encoding: encoding) }
    if let jobs {
      guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
      options.jobs = jobs
    }
    for entry in map {
      guard let eq = entry.firstIndex(of: "="), eq != entry.startIndex else {
        throw ValidationError("--map takes 'HEADER=field', found '\(entry)'")
      }
      let field = String(entry[entry.index(after: eq)...])
      guard pack.schema.index(of: field) != nil else {
        throw ValidationError("--map: no field '\(field)' in pack \(pack.name)")
      }
      options.read.headerOverrides[String(entry[..<eq])] = field
    }
    options.options = [
      ("as_of", options.asOf.description), ("rules", CheckArguments.relative(path)), ("lang", lang.rawValue), ("encoding", encoding.rawValue),
    ] + only.map { ("rule", $0) } + excluded.map { ("exclude", $0) } + map.map { ("map", $0) } + (baseline.map { [("baseline", CheckArguments.relative($0))] } ?? [])
      + (ledger.map { [("ledger", CheckArguments.relative($0))] } ?? [])
      + (sheet.map { [("sheet", $0)] } ?? []) + (headerRow.map { [("header_row", String($0))] } ?? [])
    do throws(SelectionError) {
      return Setup(pack: pack, checker: try ComplianceChecker(pack: pack, options: options))
    } catch {
      throw ValidationError(error.message)
    }
  }

  /// The ledger, or its problems printed and exit status 3: a ledger with errors is never half-applied.
  static func loadLedger(_ path: String, pack: RulePack, encoding: InputEncoding) throws -> Ledger {
    let (ledger, diagnostics) = LedgerReader.read(path: path, rules: Set(pack.rules.map(\.id)), encoding: encoding)
    var renderer = DiagnosticRenderer(colour: Terminal.colour(for: 2))
    for d in diagnostics.sorted() { Terminal.error(renderer.render(d)) }
    guard let ledger else {
      Terminal.error("error: the ledger \(path) is invalid; nothing was checked\n")
      throw ExitStatus.unreadableInput.exitCode
    }
    return ledger
  }

  func auditDate() throws -> Day {
    if let asOf {
      guard let span = DateParsing.parseISO(asOf), span.isFullDate else {
        throw ValidationError("--as-of takes a date YYYY-MM-DD, found '\(asOf)'")
      }
      return span.first
    }
    // Today in China (UTC+8).
    let seconds = Int(Date().timeIntervalSince1970) + 8 * 3600
    return Day(number: seconds.floorDiv(86_400))
  }
}

extension Int {
  func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : (self - d + 1) / d }
}

extension Language: ExpressibleByArgument {}
extension InputEncoding: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

extension CheckArguments {
  /// A path under the working directory as a relative one, so that reports do not depend on where the
  /// checkout lies.
  static func relative(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
