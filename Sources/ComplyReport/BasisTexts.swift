import ComplyEngine
import ComplyModel
import ComplyRules

/// The texts of the run's legal bases, made once: `LawReference.text` formats both languages (and tests the
/// article character by character) on every call, which was a third of writing a finding. A reference is looked up
/// among its rule's own (basis and penalty cases), compared as values; any other is formatted as before.
struct BasisTexts: Sendable {
  private var byRule: [String: [(reference: LawReference, text: LocalizedText)]] = [:]

  init(rules: [Rule] = []) {
    for rule in rules {
      var references = rule.basis
      for c in rule.penalty { references += c.basis ?? [] }
      byRule[rule.id] = references.map { ($0, $0.text) }
    }
  }

  func texts(_ references: [LawReference], rule: String, _ language: Language) -> [String] {
    let known = byRule[rule] ?? []
    return references.map { reference in
      (known.first { $0.reference == reference }?.text ?? reference.text)[language]
    }
  }
}
