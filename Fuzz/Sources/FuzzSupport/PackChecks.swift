import Foundation

extension Fuzz {
  /// Runs every example of a loaded pack, and on each example record checks that the compiled conditions agree
  /// with the interpreter and that the engine's clean fast path agrees with its full judgement.
  public static func exercise(_ pack: RulePack) {
    let runner = ExampleRunner(pack: pack)
    for rule in pack.rules {
      for example in rule.examples {
        _ = runner.run(example, of: rule)
        let record = runner.record(for: example)
        let bindings = Bindings(values: record.values, asOf: example.asOf)
        requireAgreement(rule.scope.checked, bindings)
        requireAgreement(rule.violation.checked, bindings)
        for item in rule.evidence { requireAgreement(item.program.checked, bindings) }
        let engine = Engine(pack: pack, asOf: example.asOf)
        let judgement = engine.judge(record)
        require(judgement.verdicts.count == pack.rules.count, "\(rule.id): a verdict per rule")
        let clean = judgement.verdicts.allSatisfy { $0 == .compliant || $0 == .notApplicable }
        require(engine.isClean(record.values) == clean, "\(rule.id) \(example.name): isClean disagrees with judge")
      }
    }
  }
}
