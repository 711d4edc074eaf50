import ComplyModel

/// How `comply validate` and `comply test` report: text for people, JSON, SARIF for code scanning, or GitHub
/// workflow annotations so that a rule-file mistake shows on its line in a pull request.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
  case text, json, sarif, github
}

/// Rule-file diagnostics (and failed examples, as diagnostics) in the machine formats. The text format is
/// `DiagnosticRenderer`'s.
public struct DiagnosticReport: Sendable {
  public var tool: String
  public var version: String

  public init(tool: String = "comply", version: String) {
    self.tool = tool
    self.version = version
  }

  public static func encode(_ d: Diagnostic) -> JSON {
    .object([
      ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)), ("message", .string(d.message)),
      ("path", .optional(d.location?.file)), ("line", d.location.map { .int($0.line) } ?? .null),
      ("column", d.location.map { .int($0.column) } ?? .null),
      ("notes", .array(d.notes.map { note in
        .object([
          ("message", .string(note.message)), ("path", .optional(note.location?.file)),
          ("line", note.location.map { .int($0.line) } ?? .null),
        ])
      })),
    ])
  }

  /// `{tool, version, <extra…>, diagnostics: [...]}`, pretty-printed.
  public func json(_ diagnostics: [Diagnostic], extra: [(String, JSON)] = []) -> String {
    let object: [(String, JSON)] =
      [("tool", .string(tool)), ("version", .string(version))] + extra
      + [("diagnostics", .array(diagnostics.map(DiagnosticReport.encode)))]
    return JSON.object(object).render(indent: "  ") + "\n"
  }

  /// A SARIF 2.1.0 log with a result per diagnostic, its code as the rule id; `properties` go on the run.
  public func sarif(_ diagnostics: [Diagnostic], properties: [(String, JSON)] = []) -> String {
    let codes = Set(diagnostics.map(\.code.rawValue)).sorted()
    let rules: [JSON] = codes.map { .object([("id", .string($0)), ("name", .string(SARIFLog.pascalCase($0)))]) }
    let run = JSON.object([
      ("tool", .object([("driver", SARIFLog.driver(name: tool, version: version, rules: rules))])),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", .array(diagnostics.map { SARIFLog.diagnostic($0, asResult: true) })),
      ("invocations", .array([.object([("executionSuccessful", .bool(true))])])),
      ("properties", .object(properties)),
    ])
    let log = JSON.object([
      ("$schema", .string(SARIFLog.schema)), ("version", .string("2.1.0")), ("runs", .array([run])),
    ])
    return log.render(indent: "  ") + "\n"
  }

  /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message [code]`, one per diagnostic.
  public static func github(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
      let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
      var parameters: [String] = []
      if let location = d.location {
        parameters.append("file=" + escapeProperty(location.file))
        if location.line > 0 { parameters.append("line=\(location.line)") }
        if location.column > 0 { parameters.append("col=\(location.column)") }
      }
      var message = "\(d.message) [\(d.code)]"
      for note in d.notes { message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message }
      let head = parameters.isEmpty ? "::\(command)" : "::\(command) " + parameters.joined(separator: ",")
      return head + "::" + escapeData(message) + "\n"
    }.joined()
  }

  /// Workflow-command data escaping: `%`, CR and LF.
  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Workflow-command property escaping: as data, and `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
