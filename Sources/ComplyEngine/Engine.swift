import ComplyExpression
import ComplyModel
import ComplyRules

/// Judges records against a pack's compiled rules for one audit date.
///
/// The hot path evaluates each rule's compiled scope and violation programs; only findings (and `explain`) pay
/// for messages, evidence, penalties and explanations.
public struct Engine: Sendable {
  public let pack: RulePack
  public let rules: [Rule]
  public let asOf: Day
  private let dateFields: [Int]
  private let explainer: Explainer

  public init(pack: RulePack, rules: [Rule]? = nil, asOf: Day) {
    self.pack = pack
    self.rules = rules ?? pack.rules
    self.asOf = asOf
    dateFields = pack.schema.fields.indices.filter { pack.schema.fields[$0].type == .date }
    explainer = pack.explainer
  }

  /// The values rules see: a date after `as_of` has not happened yet (not set); a month-only date that straddles
  /// `as_of` is unknown.
  public func bindings(for record: Record) -> Bindings {
    var values = record.values
    for i in dateFields {
      guard case .date(let span) = values[i] else { continue }
      if asOf < span.first {
        values[i] = .null
      } else if asOf < span.last {
        values[i] = .unknown(FieldSet(i))
      }
    }
    return Bindings(values: values, asOf: asOf)
  }

  /// Every rule's verdict for the record, and the findings and undetermined outcomes among them.
  public func judge(_ record: Record) -> Judgement {
    let bindings = bindings(for: record)
    let key = record.key(in: pack.schema)
    var judgement = Judgement(source: record.source, recordKey: key, verdicts: [], findings: [], undetermined: [])
    judgement.verdicts.reserveCapacity(rules.count)
    for rule in rules {
      let (verdict, unknown) = decide(rule, bindings)
      judgement.verdicts.append(verdict)
      switch verdict {
      case .violation:
        judgement.findings.append(finding(rule, record, bindings, key))
      case .undetermined:
        judgement.undetermined.append(undetermined(rule, record, bindings, key, unknown))
      case .compliant, .notApplicable:
        break
      }
    }
    return judgement
  }

  /// The verdict, and the unknown value behind an undetermined one.
  public func decide(_ rule: Rule, _ bindings: Bindings) -> (Verdict, Value?) {
    guard rule.isInForce(on: asOf) else { return (.notApplicable, nil) }
    switch rule.scope.evaluate(bindings) {
    case .bool(false): return (.notApplicable, nil)
    case .bool(true):
      switch rule.violation.evaluate(bindings) {
      case .bool(true): return (.violation, nil)
      case .bool(false): return (.compliant, nil)
      case let other: return (.undetermined, other)
      }
    case let other: return (.undetermined, other)
    }
  }

  private func undetermined(_ rule: Rule, _ record: Record, _ bindings: Bindings, _ key: String, _ unknown: Value?)
    -> Undetermined
  {
    var fields = FieldSet()
    if case .unknown(let named)? = unknown { fields = named }
    if fields.isEmpty {
      // Name whatever the rule reads that is not known.
      fields = FieldSet(rule.fields.filter { bindings.values[$0].isUnknown || bindings.values[$0].isNull })
    }
    // A computed value names every field it reads; keep those that are actually in doubt (unreadable, missing,
    // or a month-only date), when there are any.
    let doubtful = fields.filter { i in
      switch bindings.values[i] {
      case .unknown: return true
      case .date(let span): return !span.isFullDate
      default: return false
      }
    }
    let indexes = doubtful.isEmpty ? Array(fields) : doubtful
    return Undetermined(
      ruleID: rule.id, recordKey: key, source: record.source, fields: indexes.map { pack.schema.fields[$0].name },
      onlyMissingColumns: !indexes.isEmpty && indexes.allSatisfy { record.raw[$0] == nil })
  }
}
