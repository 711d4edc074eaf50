import ComplyExpression
import ComplyModel
import ComplyRules

/// How a rule reads to people outside a run: its legal basis and its penalty cases, in both languages.
/// Rule catalogues (SARIF's `tool.driver.rules`) show these once per rule.
enum RuleText {
  /// `未批先建。依据：《…》第25条；…`.
  static func fullDescription(_ rule: Rule) -> LocalizedText {
    let basis = rule.basis
    guard !basis.isEmpty else { return rule.title }
    return LocalizedText(
      zh: "\(rule.title.zh)。依据：\(ReportText.basis(basis, .zh))",
      en: "\(rule.title.en). Basis: \(ReportText.basis(basis, .en))")
  }

  /// Every penalty case: its condition, basis, range, further tiers and note. Amounts that depend on the
  /// record are named by their definition's title.
  static func penalty(_ rule: Rule, pack: RulePack) -> LocalizedText {
    LocalizedText(zh: penalty(rule, pack, .zh), en: penalty(rule, pack, .en))
  }

  private static func penalty(_ rule: Rule, _ pack: RulePack, _ l: Language) -> String {
    rule.penalty.map { c in
      var text = ""
      if let when = c.when {
        text += l == .zh ? "当\(describe(when.checked, pack, l))时：" : "When \(describe(when.checked, pack, l)): "
      }
      let basis = c.basis ?? rule.basis
      if !basis.isEmpty { text += ReportText.basis(basis, l) + (l == .zh ? "，" : ", ") }
      text += "\(amount(c.min.checked, pack, l)) – \(amount(c.max.checked, pack, l))"
      for tier in c.tiers {
        text += (l == .zh ? "；" : "; ") + "\(tier.label[l])\(l == .zh ? "：" : ": ")"
        text += "\(amount(tier.min.checked, pack, l)) – \(amount(tier.max.checked, pack, l))"
      }
      if let note = c.note { text += (l == .zh ? "（" : " (") + note[l] + (l == .zh ? "）" : ")") }
      return text
    }.joined(separator: l == .zh ? "。" : ". ")
  }

  private static func amount(_ expr: CheckedExpr, _ pack: RulePack, _ l: Language) -> String {
    if case .number(let n)? = expr.constantValue, n.magnitude < 1e15 { return ReportText.yuan(Int64(n.rounded())) }
    return describe(expr, pack, l)
  }

  private static func describe(_ expr: CheckedExpr, _ pack: RulePack, _ l: Language) -> String {
    switch expr.kind {
    case .definition(let name, _): return pack.definitionTitles[name]?[l] ?? name
    case .not(let inner):
      if case .definition = inner.kind { return (l == .zh ? "非" : "not ") + describe(inner, pack, l) }
      return expr.source
    default: return expr.source
    }
  }
}
