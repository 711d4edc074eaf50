import ComplyEngine
import ComplyModel
import ComplyRules

/// SARIF 2.1.0 for code-scanning dashboards. Every loaded rule is listed in `tool.driver.rules`; results are
/// written as they are found, one per line; invocations, artifacts (with each input's SHA-256) and the run's
/// provenance under `properties` come last, when they are known.
public final class SARIFReporter: Reporter {
  private let sink: any OutputSink
  private var run: RunInfo?
  private var firstResult = true
  private var notifications: [JSON] = []
  public private(set) var renderer: (any JudgementRenderer)?

  public init(sink: any OutputSink) { self.sink = sink }

  public func start(_ run: RunInfo) {
    self.run = run
    let index = Dictionary(run.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    renderer = ResultRenderer(
      language: run.language, ruleIndex: index, rules: RuleTexts(rules: run.rules, language: run.language))
    let rules = run.rules.map { SARIFLog.descriptor($0, pack: run.pack, language: run.language) }
    let tool = JSON.object([("driver", SARIFLog.driver(name: run.tool, version: run.version, rules: rules))])
    var out = "{\n  \"$schema\": \"\(SARIFLog.schema)\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
    out += "      \"tool\": " + SARIFReporter.nested(tool, level: 3) + ",\n"
    out += "      \"language\": \"\(SARIFLog.languageTag(run.language))\",\n"
    out += "      \"columnKind\": \"unicodeCodePoints\",\n"
    sink.write(out + "      \"results\": [")
  }

  /// A value rendered pretty at the given depth of two-space indentation.
  static func nested(_ value: JSON, level: Int) -> String {
    let pad = String(repeating: "  ", count: level)
    return value.render(indent: "  ").replacingOccurrences(of: "\n", with: "\n" + pad)
  }

  public func beginInput(_ path: String) {}

  public func diagnostic(_ d: Diagnostic) {
    notifications.append(SARIFLog.diagnostic(d, asResult: false))
  }

  public func rejected(_ r: RowRejection) {
    notifications.append(.object([
      ("descriptor", .object([("id", .string("input.row-rejected"))])), ("level", .string("warning")),
      ("message", SARIFLog.message(r.reason)),
      ("locations", .array([.object([("physicalLocation", SARIFLog.physicalLocation(path: r.source.path, line: r.source.line))])])),
      ("properties", .object([("row", .int(r.source.row))])),
    ]))
  }

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    let text = rendered ?? renderer?.render(judgement) ?? []
    guard !text.isEmpty else { return }
    sink.write(firstResult ? "\n        " : ",\n        ")
    sink.write(bytes: text)
    firstResult = false
  }

  /// A judgement's findings as compact SARIF results, one per line.
  struct ResultRenderer: JudgementRenderer {
    var language: Language
    var ruleIndex: [String: Int]
    var rules = RuleTexts()
    func render(_ judgement: Judgement) -> [UInt8] {
      JSONBytes.write(judgement.findings, separator: ",\n        ") { out, finding in
        SARIFLog.result(finding, ruleIndex: ruleIndex[finding.ruleID], language: language, rules: rules, into: &out)
      }
    }
  }

  public func finish(_ summary: Summary) {
    guard let run else { return }
    var out = firstResult ? "],\n" : "\n      ],\n"
    let invocation = JSON.object([
      ("executionSuccessful", .bool(summary.inputs.allSatisfy { $0.failure == nil })),
      ("toolExecutionNotifications", .array(notifications)),
    ])
    let artifacts: [JSON] = summary.inputs.map { input in
      var object: [(String, JSON)] = [("location", .object([("uri", .string(SARIFLog.uri(input.path)))]))]
      if let sha = input.sha256 { object.append(("hashes", .object([("sha-256", .string(sha))]))) }
      return .object(object)
    }
    let tail: [(String, JSON)] = [
      ("invocations", .array([invocation])), ("artifacts", .array(artifacts)),
      ("properties", SARIFReporter.provenance(run, summary)),
    ]
    for (i, (key, value)) in tail.enumerated() {
      out += "      \"\(key)\": " + SARIFReporter.nested(value, level: 3) + (i == tail.count - 1 ? "\n" : ",\n")
    }
    sink.write(out + "    }\n  ]\n}\n")
  }

  /// How the log was made, so that it can serve as evidence and be reproduced.
  static func provenance(_ run: RunInfo, _ summary: Summary) -> JSON {
    .object([
      ("complyVersion", .string(run.version)), ("asOf", .string(run.asOf.description)),
      ("pack", .object([
        ("name", .string(run.pack.name)), ("version", .string(run.pack.version)),
        ("sha256", .string(run.pack.contentHash)),
      ])),
      ("ruleIds", .array(run.rules.map { .string($0.id) })),
      ("inputs", .array(summary.inputs.map { input in
        .object([("path", .string(input.path)), ("sha256", .optional(input.sha256)), ("error", .optional(input.failure))])
      })),
      ("options", JSONReporter.encode(options: run.options)),
      ("summary", JSONReporter.encode(summary)),
    ])
  }
}
