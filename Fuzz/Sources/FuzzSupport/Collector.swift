/// A reporter that keeps what a register came to: one line per finding, undetermined outcome and rejected row,
/// and each warning, so that two ways of reading the same register can be compared.
public final class Collector: Reporter {
  public var renderer: (any JudgementRenderer)? { nil }
  public var lines: [String] = []
  public var warnings: [String] = []
  public var summary = Summary()

  public init() {}
  public func start(_ run: RunInfo) {}
  public func beginInput(_ path: String) {}
  public func diagnostic(_ diagnostic: Diagnostic) {
    if diagnostic.severity == .warning { warnings.append("\(diagnostic.code) \(diagnostic.message)") }
  }
  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    for f in judgement.findings { lines.append("F \(f.ruleID) \(f.recordKey) \(f.source.row) \(f.source.line)") }
    for u in judgement.undetermined { lines.append("U \(u.ruleID) \(u.recordKey) \(u.source.row) \(u.source.line) \(u.fields)") }
  }
  public func rejected(_ rejection: RowRejection) {
    lines.append("R \(rejection.source.row) \(rejection.source.line) \(rejection.reason)")
  }
  public func finish(_ summary: Summary) { self.summary = summary }

  /// Reads a register one record at a time and judges each: the reference the block pipeline is held to.
  /// Returns the reader's counts, and whether it read to the end.
  public func read(_ path: String, engine: Engine, options: ReadOptions) -> (read: Int, rejected: Int, complete: Bool) {
    let reader: RegisterReader
    do { reader = try RegisterReader(path: path, schema: engine.pack.schema, options: options) } catch { return (0, 0, false) }
    var count = 0
    for event in reader {
      switch event {
      case .record(let record):
        let judgement = engine.judge(record)
        Fuzz.require(judgement.verdicts.count == engine.rules.count, "a verdict per rule")
        let clean = judgement.verdicts.allSatisfy { $0 == .compliant || $0 == .notApplicable }
        Fuzz.require(engine.isClean(record.values) == clean, "row \(record.source.row): isClean disagrees with judge")
        count += 1
        self.judged(judgement, rendered: nil)
      case .rejected(let rejection): rejected(rejection)
      case .diagnostic(let diagnostic): self.diagnostic(diagnostic)
      }
    }
    Fuzz.require(count == reader.recordsRead, "records yielded \(reader.recordsRead), judged \(count)")
    return (reader.recordsRead + reader.rejectedCount, reader.rejectedCount, reader.failure == nil)
  }
}
