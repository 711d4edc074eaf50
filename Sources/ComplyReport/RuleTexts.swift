import ComplyEngine
import ComplyModel
import ComplyRules

/// The texts a finding shares with its rule, made once per run as JSON: its title, remedy, evidence names and
/// legal bases, so that writing them for a finding is a copy, not an escape.
///
/// A finding's text is used as made only when it is the rule's own, byte for byte (no bytes are read for a text
/// the finding shares with its rule); any other is escaped. Legal bases are looked up among the rule's lists (its
/// basis and each penalty case's), compared as arrays: `LawReference.text` formats both languages and tests the
/// article character by character on every call.
struct RuleTexts: Sendable {
  /// A text and its JSON string, quoted and escaped.
  struct Encoded: Sendable {
    var text: String
    var json: [UInt8]

    /// Whether the text is ASCII (evidence names are).
    private let isASCII: Bool

    init(_ text: String) {
      self.text = text
      json = JSONBytes.write { $0.string(text) }
      isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `s` is this text byte for byte: string equality would also take another Unicode form of it, whose
    /// bytes are not these. No bytes are read when the two share their storage.
    func isText(_ s: String) -> Bool {
      // A string canonically equal to ASCII text and as long in UTF-8 is that text: a non-ASCII scalar takes two
      // bytes or more, and decomposes to at most one ASCII scalar (U+212A KELVIN SIGN to K). Equal strings that
      // share their storage, or are short enough to be held inline, compare without reading a byte.
      if isASCII { return s.utf8.count == text.utf8.count && s == text }
      // In place (`withUTF8` needs a mutable copy of each, a retain and a release per string).
      let inPlace = s.utf8.withContiguousStorageIfAvailable { x in
        text.utf8.withContiguousStorageIfAvailable { y in
          x.count == y.count && (x.baseAddress == y.baseAddress || x.elementsEqual(y))
        }
      }
      return (inPlace ?? nil) ?? s.utf8.elementsEqual(text.utf8)
    }
  }

  /// One rule's texts, in the run's language. A class: looking one up for a finding counts one reference, not one
  /// per text, on objects every worker thread shares.
  final class Rule: Sendable {
    let title: Encoded
    let remedy: Encoded
    /// Each evidence item's name.
    let evidence: [Encoded]
    private let bases: [(references: [LawReference], json: [UInt8])]

    init(title: Encoded, remedy: Encoded, evidence: [Encoded], bases: [(references: [LawReference], json: [UInt8])]) {
      (self.title, self.remedy, self.evidence, self.bases) = (title, remedy, evidence, bases)
    }

    /// The JSON array of a list of legal bases: made once when it is one of the rule's.
    func basis(_ references: [LawReference]) -> [UInt8]? { bases.first { $0.references == references }?.json }
  }

  let language: Language
  private var byRule: [String: Rule] = [:]

  init(rules: [ComplyRules.Rule] = [], language: Language = .zh) {
    self.language = language
    for rule in rules {
      let lists = [rule.basis] + rule.penalty.compactMap(\.basis)
      byRule[rule.id] = Rule(
        title: Encoded(rule.title[language]), remedy: Encoded(rule.remedy[language]),
        evidence: rule.evidence.map { Encoded($0.name) },
        bases: lists.map { references in
          (references, JSONBytes.write { $0.strings(references.map { $0.text[language] }) })
        })
    }
  }

  /// The rule's texts, if they were made for the language asked.
  func rule(_ id: String, _ language: Language) -> Rule? { language == self.language ? byRule[id] : nil }
}
