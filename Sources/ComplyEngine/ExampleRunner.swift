import ComplyExpression
import ComplyModel
import ComplyRules

/// Runs a rule's examples: each example record is read exactly as a register cell would be, judged at the
/// example's `as_of`, and compared with what the example expects.
public struct ExampleRunner: Sendable {
  public struct Result: Sendable {
    public var example: RuleExample
    public var verdict: Verdict
    /// Why the example failed; empty when it passed.
    public var failures: [String]
    public var passed: Bool { failures.isEmpty }
  }

  public let pack: RulePack

  public init(pack: RulePack) { self.pack = pack }

  /// The record an example stands for: every schema field present as a column, blank unless given.
  public func record(for example: RuleExample) -> Record {
    let source = RecordSource(path: example.location.file, row: example.location.line, line: example.location.line)
    return Record(cells: example.cells, schema: pack.schema, source: source, headers: pack.schema.fields.map(\.name))
  }

  public func run(_ example: RuleExample, of rule: Rule) -> Result {
    let engine = Engine(pack: pack, rules: [rule], asOf: example.asOf)
    let record = record(for: example)
    let judgement = engine.judge(record)
    let verdict = judgement.verdicts[0]
    var failures: [String] = []
    if verdict != example.expect {
      var why = "expected \(example.expect.rawValue), got \(verdict.rawValue)"
      if let u = judgement.undetermined.first { why += " (unknown: \(u.fields.joined(separator: ", ")))" }
      failures.append(why)
    }
    let finding = judgement.findings.first
    if let text = example.expectedMessage {
      if let message = finding?.message {
        if !message.zh.contains(text), !message.en.contains(text) {
          failures.append("message does not contain '\(text)': \(message.zh) / \(message.en)")
        }
      } else if verdict == example.expect {
        failures.append("expects a message, but the rule found no violation")
      }
    }
    let evidence = finding?.evidence ?? engine.evidence(rule, record)
    for (name, expected) in example.expectedEvidence.sorted(by: { $0.key < $1.key }) {
      guard let item = evidence.first(where: { $0.name == name }) else {
        failures.append("no evidence '\(name)'")
        continue
      }
      if item.value != expected { failures.append("evidence \(name) is '\(item.value)', expected '\(expected)'") }
    }
    if let expectedFields = example.expectedFields, let u = judgement.undetermined.first {
      let missing = expectedFields.filter { !u.fields.contains($0) }
      if !missing.isEmpty {
        failures.append("undetermined names \(u.fields.joined(separator: ", ")), not \(missing.joined(separator: ", "))")
      }
    }
    return Result(example: example, verdict: verdict, failures: failures)
  }

  /// Every example of every rule, in rule order.
  public func runAll() -> [Result] {
    pack.rules.flatMap { rule in rule.examples.map { run($0, of: rule) } }
  }
}
