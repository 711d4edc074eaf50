import ComplyEngine
import ComplyInput
import ComplyModel

/// Reads a rectification ledger: a register like any other (CSV, Excel, JSON or a YAML list), one entry a row,
/// with its own schema, so that staff may keep it in the spreadsheet they already use.
///
/// A ledger with any error is refused whole: a half-applied ledger would close or reopen findings silently.
public enum LedgerReader {
  /// The ledger's columns, with their Chinese headers.
  public static let schema = Schema(
    fields: [
      field("rule", "规则", "Rule", ["规则编号", "规则", "rule_id"]),
      field("project", "项目编号", "Project id", ["项目编号", "项目代码", "project_id"]),
      field("file", "台账文件", "Register file", ["台账文件", "文件"]),
      FieldSpec(
        name: "status", type: .enumeration, title: LocalizedText(zh: "整改状态", en: "Status"),
        headers: ["status", "整改状态", "状态"],
        values: LedgerEntry.Status.allCases.map { status in
          EnumValue(canonical: status.rawValue, spellings: LedgerEntry.Status.spellings.filter { $0.value == status }.map(\.key))
        }),
      field("measure", "整改措施", "Measure", ["整改措施", "措施"]),
      field("responsible", "责任单位", "Responsible unit", ["责任单位", "牵头单位"]),
      field("deadline", "整改时限", "Deadline", ["整改时限", "整改期限", "完成时限"], type: .date),
      field("done", "完成日期", "Date done", ["完成日期", "整改完成日期", "销号日期"], type: .date),
      field("evidence", "佐证材料", "Evidence", ["佐证材料", "销号依据", "证明材料"]),
      field("waiver_reason", "豁免理由", "Waiver reason", ["豁免理由"]),
      field("waiver_document", "豁免批准文件", "Waiver document", ["豁免批准文件", "批准文件"]),
      field("waiver_expires", "豁免期限", "Waiver expires", ["豁免期限", "豁免截止日期"], type: .date),
      // For people only, as `comply ledger init` writes them: read and ignored.
      field("label", "项目名称", "Project name", ["项目名称"]),
      field("finding", "违法问题", "Finding", ["违法问题"]),
    ],
    keyField: 1, blankTokens: ["/", "-", "—", "无"])

  private static func field(
    _ name: String, _ zh: String, _ en: String, _ headers: [String], type: FieldType = .text
  ) -> FieldSpec {
    FieldSpec(name: name, type: type, title: LocalizedText(zh: zh, en: en), headers: [name] + headers)
  }

  private static let required = ["rule", "project", "status"]

  /// The ledger at `path` (nil when any diagnostic is an error) and every problem found in it. `rules` are the
  /// pack's rule ids, to catch misspelt ones.
  public static func read(path: String, rules: Set<String>, encoding: InputEncoding = .auto)
    -> (ledger: Ledger?, diagnostics: [Diagnostic])
  {
    let reader: RegisterReader
    do throws(InputError) { reader = try RegisterReader(path: path, schema: schema, options: ReadOptions(encoding: encoding)) } catch {
      var diagnostic = error.diagnostic
      if case .missingKeyColumn = error { diagnostic.code = .ledgerMissingKey } else { diagnostic.code = .ledgerUnreadable }
      return (nil, [diagnostic])
    }
    var diagnostics = headerProblems(reader.mapping, path: reader.displayPath)
    var decoder = LedgerRowDecoder(rules: rules)
    for event in reader {
      switch event {
      case .record(let record): decoder.decode(record, &diagnostics)
      case .rejected(let rejection):
        diagnostics.append(
          .error(.ledgerShape, "row \(rejection.source.row): \(rejection.reason)",
            at: Location(file: rejection.source.path, line: rejection.source.line, column: 0)))
      // Optional columns may be missing, a project has an entry per rule it broke, and unreadable cells are
      // errors the decoder reports.
      case .diagnostic(let d) where [.inputMissingColumn, .inputDuplicateKey, .inputBadValue].contains(d.code): continue
      case .diagnostic(let d): diagnostics.append(d)
      }
    }
    if let failure = reader.failure {
      var diagnostic = failure.diagnostic
      diagnostic.code = .ledgerUnreadable
      diagnostics.append(diagnostic)
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (Ledger(path: reader.displayPath, entries: decoder.entries), diagnostics)
  }

  /// Required columns that are missing (errors) and columns that are not the ledger's (warnings: a misspelt
  /// `evidence` column would otherwise leave every entry unclosed without a word).
  private static func headerProblems(_ mapping: HeaderMapping, path: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for name in required {
      guard let i = schema.index(of: name), mapping.missingFields.contains(i) else { continue }
      problems.append(
        .error(.ledgerMissingKey, "the ledger has no '\(name)' column (\(schema.fields[i].headers.joined(separator: ", ")))",
          at: Location(file: path, line: 1, column: 0)))
    }
    for column in mapping.columns where column.field == nil && !column.header.isEmpty {
      problems.append(
        .warning(.ledgerUnknownKey, "'\(column.header)' is not a ledger column; it is ignored",
          at: Location(file: path, line: 1, column: 0),
          notes: [Diagnostic.Note("ledger columns: \(schema.fieldNames.joined(separator: ", "))")]))
    }
    return problems
  }
}
