import ArgumentParser
import Comply

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show every rule's outcome for one project, with the values and comparisons that decided it.",
    discussion: "Exit status: 0 when the project was found, 1 when no record has that id, 2 invalid rules, 3 unreadable input."
  )

  @Argument(help: "The project's record key (project_id).")
  var recordID: String

  @Argument(help: "Register files to look in (default: standard input).")
  var files: [String] = []

  @OptionGroup var options: CheckArguments

  func run() throws {
    let setup = try options.load(files: files)
    let inputs = files.isEmpty ? ["-"] : files
    let language = options.lang
    var found = false
    for file in inputs {
      let reader: RegisterReader
      do throws(InputError) {
        reader = try RegisterReader(path: file, schema: setup.pack.schema, options: setup.checker.options.read)
      } catch {
        Terminal.error("\(error.description)\n")
        throw ExitStatus.unreadableInput.exitCode
      }
      for case .record(let record) in reader where record.key(in: setup.pack.schema) == recordID {
        found = true
        Terminal.write(ExplanationText.render(record, setup.checker.engine, language))
      }
    }
    if !found {
      Terminal.error("error: no record with id '\(recordID)'\n")
      throw ExitStatus.findings.exitCode
    }
  }
}

/// The text of `comply explain` for one record.
enum ExplanationText {
  static func verdict(_ v: Verdict, _ language: Language) -> String {
    let zh = language == .zh
    switch v {
    case .violation: return zh ? "违法" : "violation"
    case .compliant: return zh ? "合规" : "compliant"
    case .notApplicable: return zh ? "不适用" : "not applicable"
    case .undetermined: return zh ? "无法判定" : "undetermined"
    }
  }

  static func render(_ record: Record, _ engine: Engine, _ language: Language) -> String {
    let zh = language == .zh
    var out = "\(record.key(in: engine.pack.schema))  (\(record.source.path) \(zh ? "第\(record.source.row)行" : "row \(record.source.row)"))\n"
    out += zh ? "检查基准日 \(engine.asOf)\n\n" : "as of \(engine.asOf)\n\n"
    for e in engine.explain(record) {
      let word = verdict(e.verdict, language)
      let pad = String(repeating: " ", count: max(1, 16 - DiagnosticRenderer.displayWidth(word)))
      out += "\(word)\(pad)\(e.rule.title[language]) [\(e.rule.id)]\n"
      for fact in e.decidedBy { out += "    \(fact[language])\n" }
      if !e.undeterminedFields.isEmpty {
        out += (zh ? "    无法确定的字段：" : "    fields in doubt: ") + e.undeterminedFields.joined(separator: ", ") + "\n"
      }
    }
    return out
  }
}
