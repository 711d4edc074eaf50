import Foundation
import ComplyModel

/// Reads the keys of a YAML mapping, reporting duplicate, missing and unknown keys as diagnostics.
struct MappingReader {
  let node: YAMLNode
  let what: String
  private var pairs: [String: (key: YAMLNode, value: YAMLNode)] = [:]
  private(set) var keys: [String] = []
  private var used: Set<String> = []

  /// Nil (with a diagnostic) when the node is not a mapping.
  init?(_ node: YAMLNode, _ what: String, _ diagnostics: inout [Diagnostic]) {
    self.node = node
    self.what = what
    guard case .mapping(let entries) = node.kind else {
      diagnostics.append(.error(.ruleShape, "\(what) must be a mapping, found \(node.kindName)", at: node.location))
      return nil
    }
    for (key, value) in entries {
      guard let name = key.scalar else {
        diagnostics.append(.error(.ruleShape, "a key must be a scalar", at: key.location))
        continue
      }
      if let first = pairs[name] {
        diagnostics.append(
          .error(
            .ruleDuplicateKey, "duplicate key '\(name)' in \(what)", at: key.location,
            notes: [Diagnostic.Note("first given here", at: first.key.location)]))
        continue
      }
      pairs[name] = (key, value)
      keys.append(name)
    }
  }

  mutating func optional(_ key: String) -> YAMLNode? {
    used.insert(key)
    return pairs[key]?.value
  }

  mutating func required(_ key: String, _ diagnostics: inout [Diagnostic]) -> YAMLNode? {
    used.insert(key)
    guard let value = pairs[key]?.value else {
      diagnostics.append(.error(.ruleMissingKey, "\(what) has no '\(key)'", at: node.location))
      return nil
    }
    return value
  }

  func keyLocation(_ key: String) -> Location? { pairs[key]?.key.location }

  /// Reports every key that was never asked for, suggesting the closest known key.
  func finish(known: [String], _ diagnostics: inout [Diagnostic]) {
    for name in keys where !used.contains(name) {
      guard let key = pairs[name]?.key else { continue }
      let notes = Suggestion.closest(to: name, among: known).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
      diagnostics.append(.error(.ruleUnknownKey, "unknown key '\(name)' in \(what)", at: key.location, notes: notes))
    }
  }
}

/// Scalar, text and list decoding shared by the pack and rule decoders.
enum Decode {
  static func text(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> String? {
    guard let node else { return nil }
    guard let text = node.scalar else {
      diagnostics.append(.error(.ruleShape, "\(what) must be a scalar, found \(node.kindName)", at: node.location))
      return nil
    }
    return text
  }

  static func list(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> [YAMLNode] {
    guard let node else { return [] }
    guard case .sequence(let items) = node.kind else {
      diagnostics.append(.error(.ruleShape, "\(what) must be a list, found \(node.kindName)", at: node.location))
      return []
    }
    return items
  }

  static func texts(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> [String] {
    list(node, what, &diagnostics).compactMap { text($0, "an item of \(what)", &diagnostics) }
  }

  /// `{zh: …, en: …}`, both required and non-empty.
  static func localized(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> LocalizedText? {
    guard let node, var reader = MappingReader(node, what, &diagnostics) else { return nil }
    var result: [Language: String] = [:]
    for language in Language.allCases {
      let value = text(reader.optional(language.rawValue), "\(what).\(language.rawValue)", &diagnostics)
      if let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        result[language] = value
      } else {
        diagnostics.append(
          .error(.ruleMissingTranslation, "\(what) has no \(language == .zh ? "Chinese (zh)" : "English (en)") text", at: node.location))
      }
    }
    reader.finish(known: Language.allCases.map(\.rawValue), &diagnostics)
    guard let zh = result[.zh], let en = result[.en] else { return nil }
    return LocalizedText(zh: zh, en: en)
  }

  static func day(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> Day? {
    guard let node, let text = text(node, what, &diagnostics) else { return nil }
    guard let span = DateParsing.parse(text), span.isFullDate else {
      diagnostics.append(.error(.ruleBadValue, "\(what) must be a date (YYYY-MM-DD), found '\(text)'", at: node.location))
      return nil
    }
    return span.first
  }

  static func oneOf<T: RawRepresentable>(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> T?
  where T.RawValue == String, T: CaseIterable {
    guard let node, let text = text(node, what, &diagnostics) else { return nil }
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map(\.rawValue)
      let notes = Suggestion.closest(to: text, among: allowed).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
      diagnostics.append(
        .error(.ruleBadValue, "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'", at: node.location, notes: notes))
      return nil
    }
    return value
  }
}
