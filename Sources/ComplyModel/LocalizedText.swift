/// The languages comply reports in. Chinese is the default; English on request.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
  case zh
  case en
}

/// A text given in Chinese and English, as every rule title, message and remedy is.
public struct LocalizedText: Hashable, Sendable, Codable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// A text in `language` only (the other left empty, and not made), or in both when `language` is nil: for
  /// texts made per finding in a run that reports in one language.
  @inline(__always)
  public init(in language: Language?, zh: @autoclosure () -> String, en: @autoclosure () -> String) {
    self.init(zh: language == .en ? "" : zh(), en: language == .zh ? "" : en())
  }

  public subscript(language: Language) -> String {
    switch language {
    case .zh: zh
    case .en: en
    }
  }

  /// Builds a text per language with the same function, e.g. to interpolate values into both messages.
  public func map(_ transform: (String, Language) -> String) -> LocalizedText {
    LocalizedText(zh: transform(zh, .zh), en: transform(en, .en))
  }
}
