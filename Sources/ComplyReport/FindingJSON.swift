import ComplyEngine
import ComplyModel
import ComplyRules

/// A finding's parts as compact JSON bytes, shared by the JSON report (a finding object) and SARIF (a result's
/// properties). The keys and their order are the documented ones; `FindingJSONTests` checks the text against the
/// `JSON` tree the reports used to build.
extension JSONBytes {
  /// `{rule_id, title, severity, confidence, record_id, label, path, row, line, groups, message, evidence,
  /// decided_by, basis, penalty, remedy, annotations[, baseline][, due][, ledger]}`.
  mutating func finding(_ f: Finding, _ language: Language, rules texts: RuleTexts = RuleTexts()) {
    let rule = texts.rule(f.ruleID, language)
    openObject()
    field("rule_id", f.ruleID)
    key("title")
    string(f.title[language], known: rule?.title)
    field("severity", f.severity.rawValue)
    field("confidence", f.confidence.rawValue)
    field("record_id", f.recordKey)
    field("label", f.label)
    field("path", f.source.path)
    field("row", f.source.row)
    field("line", f.source.line)
    key("groups")
    groups(f.groups)
    field("message", f.message[language])
    key("evidence")
    evidence(f.evidence, language, names: rule?.evidence)
    key("decided_by")
    strings(f.decidedBy.lazy.map { $0[language] })
    key("basis")
    basis(f.basis, language, rule)
    key("penalty")
    penalty(f.penalty, language, rule)
    key("remedy")
    string(f.remedy[language], known: rule?.remedy)
    key("annotations")
    strings(f.annotations.lazy.map { $0[language] })
    if let state = f.baseline { field("baseline", state.rawValue) }
    if let due = f.due { field("due", due.description) }
    if let mark = f.ledger {
      key("ledger")
      ledger(mark, language)
    }
    closeObject()
  }

  /// The grouping fields by name, in name order.
  mutating func groups(_ groups: Groups) {
    openObject()
    for (name, value) in groups {
      key(named: name)
      string(value)
    }
    closeObject()
  }

  /// A list of legal bases: as made for the rule when it is one of the rule's lists.
  mutating func basis(_ references: [LawReference], _ language: Language, _ rule: RuleTexts.Rule?) {
    if let json = rule?.basis(references) { return value(json: json) }
    strings(references.lazy.map { $0.text[language] })
  }

  /// Evidence by name: the register's header, the raw cell, the value as read, and why it is not used. `names`
  /// are the rule's items' names, made once per run.
  mutating func evidence(_ evidence: [Evidence], _ language: Language, names: [RuleTexts.Encoded]? = nil) {
    openObject()
    // By index, in place: iterating copied each item, a retain per text.
    evidence.withUnsafeBufferPointer { items in
      for i in items.indices {
        if let names, i < names.count, names[i].isText(items[i].name) {
          key(json: names[i].json)
        } else {
          key(named: items[i].name)
        }
        openObject()
        field("header", items[i].header)
        field("raw", items[i].raw)
        field("value", items[i].value)
        if let note = items[i].note { field("note", note[language]) }
        closeObject()
      }
    }
    closeObject()
  }

  mutating func penalty(_ p: PenaltyAssessment?, _ language: Language, _ rule: RuleTexts.Rule?) {
    guard let p else { return null() }
    openObject()
    key("basis")
    basis(p.basis, language, rule)
    if let r = p.range {
      field("min_yuan", r.minYuan)
      field("max_yuan", r.maxYuan)
    } else {
      key("min_yuan")
      null()
      key("max_yuan")
      null()
    }
    key("tiers")
    openArray()
    for r in p.tiers {
      openObject()
      field("label", r.label?[language])
      field("min_yuan", r.minYuan)
      field("max_yuan", r.maxYuan)
      closeObject()
    }
    closeArray()
    field("note", p.note?[language])
    key("undetermined_fields")
    strings(p.undeterminedFields)
    closeObject()
  }

  /// The ledger status and its entry.
  mutating func ledger(_ mark: LedgerMark, _ l: Language) {
    openObject()
    field("status", mark.status.rawValue)
    field("entry", mark.entry?.description)
    field("measure", mark.measure)
    field("responsible", mark.responsible)
    field("deadline", mark.deadline?.description)
    field("done", mark.done?.description)
    field("evidence", mark.evidence)
    if let w = mark.waiver {
      key("waiver")
      openObject()
      field("reason", w.reason)
      field("document", w.document)
      field("expires", w.expires.description)
      closeObject()
    }
    field("note", mark.note?[l])
    field("escalated_from", mark.escalatedFrom?.rawValue)
    closeObject()
  }
}
