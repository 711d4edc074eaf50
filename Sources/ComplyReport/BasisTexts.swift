import ComplyEngine
import ComplyModel
import ComplyRules

/// The texts of the run's legal bases, made once: `LawReference.text` formats both languages (and tests the
/// article character by character) on every call, which was a third of writing a finding. A finding's basis is
/// looked up among its rule's own lists (the rule's basis and each penalty case's), compared as arrays, which
/// takes no time for a list the finding shares with its rule; any other is formatted as before.
struct BasisTexts: Sendable {
  private struct Texts: Sendable {
    var references: [LawReference]
    var zh: [String]
    var en: [String]
  }

  private var byRule: [String: [Texts]] = [:]

  init(rules: [Rule] = []) {
    for rule in rules {
      let lists = [rule.basis] + rule.penalty.compactMap(\.basis)
      byRule[rule.id] = lists.map { references in
        let texts = references.map(\.text)
        return Texts(references: references, zh: texts.map(\.zh), en: texts.map(\.en))
      }
    }
  }

  func texts(_ references: [LawReference], rule: String, _ language: Language) -> [String] {
    if let known = byRule[rule]?.first(where: { $0.references == references }) {
      return language == .zh ? known.zh : known.en
    }
    return references.map { $0.text[language] }
  }
}
