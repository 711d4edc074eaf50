import ComplyEngine
import ComplyInput
import ComplyModel
import ComplyReport
import ComplyRules
import Crypto
import Foundation

/// What `comply check` runs: registers through a pack's rules, events to reporters, a summary at the end.
public struct CheckOptions: Sendable {
  public var asOf: Day
  public var language: Language = .zh
  /// Rules to judge (all when empty), and rules to leave out.
  public var only: [String] = []
  public var excluded: [String] = []
  public var read = ReadOptions()
  /// Threads that read and judge CSV blocks; results do not depend on it.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  /// Bytes per CSV block; tests set a few dozen so that every case crosses block boundaries.
  public var blockSize = CSVBlockReader.defaultBlockSize
  public var options: [(String, String)] = []
  /// An earlier result: findings are marked new or persisting, and the summary lists the resolved ones.
  public var baseline: Baseline?
  /// A rectification ledger: findings are marked closed, in progress, overdue, waived or open.
  public var ledger: Ledger?

  public init(asOf: Day) { self.asOf = asOf }

  /// A judgement marked against the baseline and the ledger, when given; on any thread.
  func mark(_ judgement: Judgement) -> Judgement {
    let marked = baseline.map { $0.mark(judgement) } ?? judgement
    return ledger.map { $0.mark(marked, asOf: asOf) } ?? marked
  }
}

/// The façade for the CLI and for embedders: checks registers and reports, never prints or exits.
public struct ComplianceChecker {
  public let pack: RulePack
  public let options: CheckOptions
  public let engine: Engine

  /// Nil with a message when `only` or `excluded` name a rule the pack does not have.
  public init(pack: RulePack, options: CheckOptions) throws(SelectionError) {
    let ids = Set(pack.rules.map(\.id))
    for id in options.only + options.excluded where !ids.contains(id) {
      let suggestion = Suggestion.closest(to: id, among: ids).map { " (did you mean '\($0)'?)" } ?? ""
      throw SelectionError(message: "no rule '\(id)' in pack \(pack.name)\(suggestion)")
    }
    let rules = pack.rules.filter {
      (options.only.isEmpty || options.only.contains($0.id)) && !options.excluded.contains($0.id)
    }
    self.pack = pack
    self.options = options
    // Every report of a run is in its one language: findings' texts are written in that language only.
    engine = Engine(pack: pack, rules: rules, asOf: options.asOf, language: options.language)
  }

  public func runInfo(inputs: [String], version: String) -> RunInfo {
    RunInfo(
      version: version, asOf: options.asOf, language: options.language, pack: pack, rules: engine.rules,
      inputs: inputs, options: options.options, ledger: options.ledger?.path)
  }

  /// Checks every input in order, sending events to the reporters. An input that cannot be read is recorded in
  /// the summary and the run goes on with the next.
  /// `progress` is called on the calling thread now and then (after each CSV block, every 4,096 records of other
  /// formats), for a progress display.
  public func check(
    _ inputs: [String], reporters: [any Reporter], version: String, progress: ((CheckProgress) -> Void)? = nil
  ) -> Summary {
    let info = runInfo(inputs: inputs, version: version)
    for reporter in reporters { reporter.start(info) }
    var summary = Summary()
    summary.groupField = pack.schema.groupFields.first.map { pack.schema.fields[$0].name }
    if options.baseline != nil { summary.baseline = Summary.BaselineCounts() }
    if let ledger = options.ledger { summary.ledger = Summary.LedgerCounts(path: ledger.path) }
    let keyName = pack.schema.fields[pack.schema.keyField].name
    let batch = inputs.count > 1 ? BatchKeys(paths: inputs, keyName: keyName) : nil
    for (index, path) in inputs.enumerated() {
      for reporter in reporters { reporter.beginInput(path) }
      summary.inputs.append(Summary.Input(path: path == "-" ? "<stdin>" : path))
      let format = options.read.format ?? (path == "-" ? .csv : InputFormat(pathExtensionOf: path) ?? .csv)
      if format == .csv {
        CSVPipeline(engine: engine, options: options, renderers: reporters.map(\.renderer)).run(
          path: path, reporters: reporters, summary: &summary, progress: progress, batch: batch.map { ($0, index) })
        continue
      }
      summary.inputs[summary.inputs.count - 1].sha256 = ComplianceChecker.sha256(ofFile: path)
      let reader: RegisterReader
      do throws(InputError) {
        reader = try RegisterReader(path: path, schema: pack.schema, options: options.read)
      } catch {
        summary.inputs[summary.inputs.count - 1].failure = error.diagnostic.message
        for reporter in reporters { reporter.diagnostic(error.diagnostic) }
        continue
      }
      var seen = 0
      for event in reader {
        seen += 1
        if seen % 4_096 == 0, let progress {
          let input = summary.inputs[summary.inputs.count - 1]
          progress(CheckProgress(path: input.path, bytesRead: nil, totalBytes: nil, rows: input.records + input.rejected))
        }
        switch event {
        case .record(let record):
          let key = record.key(in: pack.schema)
          if let warning = batch?.note(
            hash: KeyTable.hash(key), input: index, row: record.source.row, line: record.source.line,
            path: record.source.path, key: { key })
          {
            summary.warnings += 1
            for reporter in reporters { reporter.diagnostic(warning) }
          }
          let judgement = options.mark(engine.judge(record))
          summary.add(judgement)
          if let baseline = options.baseline { summary.baseline?.seen.formUnion(baseline.persisting(judgement)) }
          for reporter in reporters { reporter.judged(judgement) }
        case .rejected(let rejection):
          summary.inputs[summary.inputs.count - 1].rejected += 1
          for reporter in reporters { reporter.rejected(rejection) }
        case .diagnostic(let diagnostic):
          if diagnostic.severity == .warning { summary.warnings += 1 }
          for reporter in reporters { reporter.diagnostic(diagnostic) }
        }
      }
      if let failure = reader.failure { summary.inputs[summary.inputs.count - 1].failure = failure.diagnostic.message }
    }
    if let baseline = options.baseline, let counts = summary.baseline {
      summary.baseline?.resolved = baseline.resolved(counts)
    }
    if let ledger = options.ledger, let counts = summary.ledger {
      summary.ledger?.stale = ledger.stale(matched: counts.matched, judgedRules: Set(engine.rules.map(\.id)))
    }
    for reporter in reporters { reporter.finish(summary) }
    return summary
  }

  /// SHA-256 of a file's bytes, streamed; nil for standard input or a file that cannot be read to its end (a read
  /// error had ended the loop as the end of the file does, giving the digest of part of it).
  static func sha256(ofFile path: String) -> String? {
    guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    } catch {
      return nil
    }
    return Hex.lowercase(hasher.finalize())
  }
}

/// `--rule` or `--exclude` named a rule the pack does not have.
public struct SelectionError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}

/// How far the check of one input has got.
public struct CheckProgress: Sendable {
  public var path: String
  /// Bytes read so far and the input's size, when known (CSV files).
  public var bytesRead: Int?
  public var totalBytes: Int?
  public var rows: Int
}
