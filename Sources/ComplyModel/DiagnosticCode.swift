/// A stable, language-neutral name for a kind of problem. Tests, SARIF and the docs refer to codes, never to
/// message wording. Every code comply emits is declared here, once.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension DiagnosticCode {
  // Rule files and packs.
  public static let yamlSyntax = Self("rule.yaml-syntax")
  public static let ruleFileUnreadable = Self("rule.unreadable")
  public static let ruleAlias = Self("rule.alias")
  public static let ruleLimit = Self("rule.limit")
  public static let ruleShape = Self("rule.shape")
  public static let ruleUnknownKey = Self("rule.unknown-key")
  public static let ruleMissingKey = Self("rule.missing-key")
  public static let ruleDuplicateKey = Self("rule.duplicate-key")
  public static let ruleBadValue = Self("rule.bad-value")
  public static let ruleIdMismatch = Self("rule.id-mismatch")
  public static let ruleDuplicateId = Self("rule.duplicate-id")
  public static let ruleMissingTranslation = Self("rule.missing-translation")
  public static let ruleMissingExamples = Self("rule.missing-examples")
  public static let ruleExample = Self("rule.example")
  public static let ruleMultilineExpression = Self("rule.multiline-expression")
  public static let packSchema = Self("pack.schema")
  public static let packMissing = Self("pack.missing")
  public static let packFormat = Self("pack.format")
  public static let packCycle = Self("pack.cycle")
  // The condition language.
  public static let exprSyntax = Self("expr.syntax")
  public static let exprUnknownField = Self("expr.unknown-field")
  public static let exprUnknownFunction = Self("expr.unknown-function")
  public static let exprArity = Self("expr.arity")
  public static let exprType = Self("expr.type")
  public static let exprLiteral = Self("expr.literal")
  public static let exprLimit = Self("expr.limit")
  public static let exprPattern = Self("expr.pattern")
  // Registers.
  public static let inputUnreadable = Self("input.unreadable")
  public static let inputEncoding = Self("input.encoding")
  public static let inputFormat = Self("input.format")
  public static let inputRowRejected = Self("input.row-rejected")
  public static let inputBadValue = Self("input.bad-value")
  public static let inputMissingColumn = Self("input.missing-column")
  public static let inputDuplicateHeader = Self("input.duplicate-header")
  public static let inputDuplicateField = Self("input.duplicate-field")
  public static let inputDuplicateKey = Self("input.duplicate-key")
  public static let inputKeyInSeveralFiles = Self("input.key-in-several-files")
  public static let inputLimit = Self("input.limit")
  /// Which row of a worksheet was taken as the header (a notice).
  public static let inputHeaderRow = Self("input.header-row")
  /// A totals row (合计, 总计, 小计) left out of the records (a notice).
  public static let inputTotalsRow = Self("input.totals-row")
  // Rectification ledgers (`--ledger`).
  public static let ledgerUnreadable = Self("ledger.unreadable")
  public static let ledgerShape = Self("ledger.shape")
  public static let ledgerUnknownKey = Self("ledger.unknown-key")
  public static let ledgerMissingKey = Self("ledger.missing-key")
  public static let ledgerBadValue = Self("ledger.bad-value")
  public static let ledgerUnknownRule = Self("ledger.unknown-rule")
  public static let ledgerDuplicateEntry = Self("ledger.duplicate-entry")
  // Rule examples run by `comply test`.
  public static let testFailed = Self("test.failed")
}
