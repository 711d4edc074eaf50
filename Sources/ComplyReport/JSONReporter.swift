import ComplyEngine
import ComplyModel
import ComplyRules

/// The machine report. Findings are written as they are found; what only exists at the end of a run
/// (undetermined outcomes, rejected rows, inputs with their counts, the summary) comes last.
///
/// Shape: `{tool, version, as_of, language, pack, rules, options, findings: [...], undetermined: [...],
/// rejected_rows: [...], diagnostics: [...], inputs: [...], summary}`; documented in the README.
public final class JSONReporter: Reporter {
  private let sink: any OutputSink
  private var language: Language = .zh
  private var firstFinding = true
  private var undetermined: [JSON] = []
  private var rejected: [JSON] = []
  private var diagnostics: [JSON] = []
  public private(set) var renderer: (any JudgementRenderer)?

  public init(sink: any OutputSink) { self.sink = sink }

  public func start(_ run: RunInfo) {
    language = run.language
    renderer = FindingsRenderer(language: run.language, rules: RuleTexts(rules: run.rules, language: run.language))
    let head: [(String, JSON)] = [
      ("tool", .string(run.tool)), ("version", .string(run.version)), ("as_of", .string(run.asOf.description)),
      ("language", .string(run.language.rawValue)),
      ("pack", .object([
        ("name", .string(run.pack.name)), ("version", .string(run.pack.version)),
        ("sha256", .string(run.pack.contentHash)),
      ])),
      ("rules", .array(run.rules.map { .string($0.id) })),
      ("options", JSONReporter.encode(options: run.options)),
    ]
    var out = "{\n"
    for (key, value) in head {
      out += "  "
      JSON.escape(key, into: &out)
      out += ": " + value.render() + ",\n"
    }
    sink.write(out + "  \"findings\": [")
  }

  public func beginInput(_ path: String) {}

  /// Options as an object; an option given several times (`--rule`) becomes a list, in the order given.
  static func encode(options: [(String, String)]) -> JSON {
    var order: [String] = []
    var values: [String: [String]] = [:]
    for (name, value) in options {
      if values[name] == nil { order.append(name) }
      values[name, default: []].append(value)
    }
    let repeatable: Set<String> = ["rule", "exclude", "map"]
    return .object(order.map { name in
      let given = values[name] ?? []
      return (name, repeatable.contains(name) ? .array(given.map(JSON.string)) : .string(given.last ?? ""))
    })
  }

  public func diagnostic(_ d: Diagnostic) {
    diagnostics.append(
      .object([
        ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)), ("message", .string(d.message)),
        ("path", .optional(d.location?.file)), ("line", d.location.map { .int($0.line) } ?? .null),
      ]))
  }

  public func rejected(_ r: RowRejection) {
    rejected.append(
      .object([
        ("path", .string(r.source.path)), ("row", .int(r.source.row)), ("line", .int(r.source.line)),
        ("reason", .string(r.reason)),
      ]))
  }

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    // Undetermined outcomes caused only by a missing column are counted once per file and rule in the summary.
    for u in judgement.undetermined where !u.onlyMissingColumns {
      undetermined.append(
        .object([
          ("rule_id", .string(u.ruleID)), ("record_id", .string(u.recordKey)), ("path", .string(u.source.path)),
          ("row", .int(u.source.row)), ("fields", .array(u.fields.map(JSON.string))),
        ]))
    }
    let text = rendered ?? FindingsRenderer(language: language).render(judgement)
    guard !text.isEmpty else { return }
    sink.write(firstFinding ? "\n    " : ",\n    ")
    sink.write(bytes: text)
    firstFinding = false
  }

  /// A judgement's findings as JSON objects, one per line, written straight to bytes.
  struct FindingsRenderer: JudgementRenderer {
    var language: Language
    var rules = RuleTexts()
    func render(_ judgement: Judgement) -> [UInt8] {
      JSONBytes.write(judgement.findings, separator: ",\n    ") { $0.finding($1, language, rules: rules) }
    }
  }

  public func finish(_ summary: Summary) {
    var out = firstFinding ? "],\n" : "\n  ],\n"
    let tail: [(String, JSON)] = [
      ("undetermined", .array(undetermined)), ("rejected_rows", .array(rejected)), ("diagnostics", .array(diagnostics)),
      ("inputs", .array(summary.inputs.map { input in
        .object([
          ("path", .string(input.path)), ("sha256", .optional(input.sha256)), ("records", .int(input.records + input.rejected)),
          ("judged", .int(input.records)), ("rejected", .int(input.rejected)), ("error", .optional(input.failure)),
        ])
      })),
      ("summary", JSONReporter.encode(summary)),
    ]
    for (i, (key, value)) in tail.enumerated() {
      out += "  "
      JSON.escape(key, into: &out)
      out += ": " + value.render(indent: "  ").replacingOccurrences(of: "\n", with: "\n  ")
      out += i == tail.count - 1 ? "\n" : ",\n"
    }
    sink.write(out + "}\n")
  }

  static func encode(_ s: Summary) -> JSON {
    var object: [(String, JSON)] = [
      ("records_read", .int(s.read)), ("records_judged", .int(s.records)), ("records_rejected", .int(s.rejected)),
      ("findings", .int(s.findings)),
      ("findings_by_severity", .object(Severity.allCases.reversed().map { ($0.rawValue, JSON.int(s.findingsBySeverity[$0] ?? 0)) })),
      ("findings_by_rule", .object(s.findingsByRule.sorted { $0.key < $1.key }.map { ($0.key, JSON.int($0.value)) })),
      ("undetermined", .int(s.undetermined)),
      ("undetermined_by_rule", .object(s.undeterminedByRule.sorted { $0.key < $1.key }.map { ($0.key, JSON.int($0.value)) })),
      ("missing_columns", .array(s.missingColumns.map {
        .object([("path", .string($0.path)), ("rule_id", .string($0.ruleID)), ("fields", .array($0.fields.map(JSON.string))), ("rows", .int($0.rows))])
      })),
      ("warnings", .int(s.warnings)),
      ("open_findings", .int(s.openFindings)),
    ]
    if let field = s.groupField {
      let (byGroup, openByRule) = (s.findingsByGroup, s.openByRule)
      let rules = Set(byGroup.values.flatMap(\.keys)).sorted()
      object.append(("matrix", .object([
        ("field", .string(field)),
        ("rows", .array(byGroup.sorted { $0.key < $1.key }.map { group, counts in
          .object([
            ("group", .string(group)),
            ("findings", .object(rules.compactMap { rule in counts[rule].map { (rule, JSON.int($0)) } })),
            ("total", .int(counts.values.reduce(0, +))),
          ])
        })),
        ("totals", .object(rules.map { ($0, JSON.int(openByRule[$0] ?? 0)) })),
        ("total", .int(s.openFindings)),
      ])))
    }
    if let b = s.baseline {
      object.append(("baseline", .object([
        ("new", .int(b.new)), ("persisting", .int(b.persisting)), ("resolved", .int(b.resolved.count)),
        ("resolved_findings", .array(b.resolved.map { .object([("rule_id", .string($0.ruleID)), ("record_id", .string($0.recordKey))]) })),
      ])))
    }
    if let ledger = s.ledger {
      object.append(("ledger", .object([
        ("path", .string(ledger.path)),
        ("by_status", .object(LedgerMark.Status.allCases.map { ($0.rawValue, JSON.int(ledger.byStatus[$0] ?? 0)) })),
        ("stale_entries", .array(ledger.stale.map { entry in
          .object([
            ("rule_id", .string(entry.ruleID)), ("record_id", .string(entry.recordKey)), ("file", .optional(entry.file)),
            ("status", .string(entry.status.rawValue)), ("entry", .string(entry.location.description)),
          ])
        })),
      ])))
    }
    return .object(object)
  }
}
