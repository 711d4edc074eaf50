import ComplyExpression
import ComplyModel

/// A loaded, validated and compiled rule pack.
public struct RulePack: Sendable {
  public var name: String
  public var version: String
  public var formatVersion: Int
  public var title: LocalizedText
  public var schema: Schema
  public var definitions: [String: CheckedExpr]
  public var definitionTitles: [String: LocalizedText]
  public var rules: [Rule]
  /// The folder the pack was loaded from.
  public var directory: String
  /// SHA-256 of the pack's files (names and contents, in name order), so a report names the exact rules it used.
  public var contentHash: String
  public var exampleAsOf: Day?

  /// An explainer for the pack's definitions, writing only `language` (both when nil).
  public func explainer(language: Language? = nil) -> Explainer {
    Explainer(schema: schema, definitionTitles: definitionTitles, language: language)
  }
}
