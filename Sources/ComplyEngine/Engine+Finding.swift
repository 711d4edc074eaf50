import ComplyExpression
import ComplyModel
import ComplyRules

extension Engine {
  /// The finding of rule `r` (of `rules`), whose violation holds (is `true`) for these bindings.
  ///
  /// The rule is read in place, member by member: passing `rules[r]` copied the whole rule for every finding, a
  /// retain and a release per member, on objects every worker shares.
  func finding(_ r: Int, _ record: Record, _ bindings: Bindings, _ key: String) -> Finding {
    let groups = Groups(ordered: groupFields.map { (name: $0.name, value: record.text($0.field) ?? "") })
    return Finding(
      ruleID: rules[r].id, title: rules[r].title, severity: rules[r].severity, confidence: rules[r].confidence,
      recordKey: key, label: pack.schema.labelField.flatMap { record.text($0) } ?? "", source: record.source,
      groups: groups, message: rules[r].message.render(bindings, only: language),
      evidence: evidence(evidencePlans[r], record, bindings),
      decidedBy: explanations[r].explain(bindings, value: .bool(true)), basis: rules[r].basis,
      penalty: penalty(r, bindings), remedy: rules[r].remedy, annotations: annotations(r, bindings),
      due: rules[r].due.flatMap { due in
        if case .date(let span) = due.evaluate(bindings) { span.last } else { nil }
      })
  }

  /// A rule's evidence for a record, whatever its verdict (`explain` shows it for clean verdicts too).
  public func evidence(_ rule: Rule, _ record: Record) -> [Evidence] {
    evidence(rule.evidence.map(EvidenceStep.init), record, bindings(for: record))
  }

  /// Each item's evidence, the items read in place (iterating copied each one, a retain per member).
  func evidence(_ steps: [EvidenceStep], _ record: Record, _ bindings: Bindings) -> [Evidence] {
    steps.withUnsafeBufferPointer { steps in
      var evidence: [Evidence] = []
      evidence.reserveCapacity(steps.count)
      for i in steps.indices {
        evidence.append(self.evidence(steps[i].label, steps[i].field, steps[i].run(bindings), record))
      }
      return evidence
    }
  }

  func evidence(_ label: EvidenceLabel, _ field: Int?, _ value: Value, _ record: Record) -> Evidence {
    var note: LocalizedText?
    if let field {
      if !record.hasColumn(field) {
        note = LocalizedText(zh: "台账无此列", en: "column missing from the register")
      } else if case .unknown = record.values[field] {
        note = LocalizedText(zh: "无法识别", en: "unreadable")
      } else if case .date(let span) = record.values[field], asOf < span.first {
        note = LocalizedText(zh: "晚于检查基准日，视为未发生", en: "after as_of, treated as not set")
      } else if case .date(let span) = record.values[field], asOf < span.last {
        note = LocalizedText(zh: "月份跨越检查基准日", en: "month straddles as_of")
      }
    }
    let shown: String
    switch value {
    case .null: shown = ""
    case .unknown: shown = ""
    default: shown = value.description
    }
    return Evidence(
      label: label, header: field.flatMap { $0 < record.headers.count ? record.headers[$0] : nil },
      raw: field.flatMap { record.text($0) }, value: shown, note: note)
  }

  func penalty(_ r: Int, _ bindings: Bindings) -> PenaltyAssessment? {
    // The cases read in place: copying one counted a reference on each of its programs and texts.
    rules[r].penalty.withUnsafeBufferPointer { cases in penalty(r, cases, bindings) }
  }

  private func penalty(_ r: Int, _ cases: UnsafeBufferPointer<PenaltyCase>, _ bindings: Bindings)
    -> PenaltyAssessment?
  {
    for k in cases.indices {
      var assessment = PenaltyAssessment(
        basis: cases[k].basis ?? rules[r].basis, range: nil, tiers: [], note: cases[k].note, undeterminedFields: [])
      if let when = cases[k].when {
        switch when.evaluate(bindings) {
        case .bool(true): break
        case .bool(false): continue
        case let other:
          // Which case applies is unknown, so neither its basis nor its note can be cited.
          assessment.basis = rules[r].basis
          assessment.note = nil
          assessment.undeterminedFields = names(other, when)
          return assessment
        }
      }
      switch range(cases[k].min, cases[k].max, nil, bindings) {
      case .success(let range): assessment.range = range
      case .failure(let fields):
        assessment.undeterminedFields = fields.names
        return assessment
      }
      assessment.tiers = cases[k].tiers.withUnsafeBufferPointer { tiers in
        tiers.indices.compactMap { try? range(tiers[$0].min, tiers[$0].max, tiers[$0].label, bindings).get() }
      }
      return assessment
    }
    return nil
  }

  private func range(_ min: Program, _ max: Program, _ label: LocalizedText?, _ bindings: Bindings)
    -> Result<PenaltyAssessment.Range, FieldNames>
  {
    let low = min.evaluate(bindings)
    let high = max.evaluate(bindings)
    guard case .number(let a) = low, case .number(let b) = high else {
      return .failure(FieldNames(names(low.isUnknown || low.isNull ? low : high, low.isUnknown || low.isNull ? min : max)))
    }
    // An amount no Int64 can hold (from an absurd investment) cannot be stated: undetermined, as a missing one.
    guard let minYuan = yuan(a) else { return .failure(FieldNames(names(low, min))) }
    guard let maxYuan = yuan(b) else { return .failure(FieldNames(names(high, max))) }
    return .success(PenaltyAssessment.Range(label: label, minYuan: minYuan, maxYuan: maxYuan))
  }

  /// Rounded to the yuan, half away from zero, after clearing binary noise below a millionth; nil beyond Int64.
  func yuan(_ amount: Double) -> Int64? {
    Int64(exactly: ((amount * 1_000_000).rounded() / 1_000_000).rounded(.toNearestOrAwayFromZero))
  }

  func names(_ value: Value, _ program: Program) -> [String] {
    var fields = program.checked.fields
    if case .unknown(let named) = value, !named.isEmpty { fields = named }
    return fields.map { pack.schema.fields[$0].name }
  }

  func annotations(_ r: Int, _ bindings: Bindings) -> [LocalizedText] {
    rules[r].annotations.compactMap { annotation in
      switch annotation.when.evaluate(bindings) {
      case .bool(true): annotation.text
      case .bool(false): nil
      default: annotation.uncertain
      }
    }
  }
}

/// Field names, as an error so that a `Result` can carry them.
struct FieldNames: Error {
  var names: [String]
  init(_ names: [String]) { self.names = names }
}

/// What showing an evidence item takes per finding, made once per rule: its label, its field, its program.
struct EvidenceStep: Sendable {
  let label: EvidenceLabel
  let field: Int?
  let run: Program.Run

  init(_ item: EvidenceItem) {
    label = EvidenceLabel(name: item.name, title: item.title)
    field = item.field
    run = item.program.run
  }
}
