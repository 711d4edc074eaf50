import ComplyExpression
import ComplyModel
import ComplyRules

/// One rule's outcome for one record, with what decided it: what an inspector needs to justify a clean verdict
/// as much as a finding.
public struct RuleExplanation: Sendable {
  public var rule: Rule
  public var verdict: Verdict
  public var decidedBy: [LocalizedText]
  public var evidence: [Evidence]
  public var undeterminedFields: [String]
}

extension Engine {
  /// Every rule's outcome for the record, in rule order.
  public func explain(_ record: Record) -> [RuleExplanation] {
    let bindings = bindings(for: record)
    let judgement = judge(record)
    return zip(rules, judgement.verdicts).map { rule, verdict in
      let decisive: CheckedExpr
      switch verdict {
      case .notApplicable: decisive = rule.scope.checked
      case .undetermined:
        decisive = rule.scope.evaluate(bindings).isUnknown ? rule.scope.checked : rule.violation.checked
      case .violation, .compliant: decisive = rule.violation.checked
      }
      let decidedBy =
        rule.isInForce(on: asOf)
        ? pack.explainer().explain(decisive, bindings)
        : [LocalizedText(zh: "检查基准日不在规则施行期间", en: "as_of is outside the rule's period in force")]
      return RuleExplanation(
        rule: rule, verdict: verdict, decidedBy: decidedBy, evidence: evidence(rule, record),
        undeterminedFields: judgement.undetermined.first { $0.ruleID == rule.id }?.fields ?? [])
    }
  }
}
