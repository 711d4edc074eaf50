import ComplyEngine
import ComplyModel
import ComplyRules

/// The closing block of the reports for people that records how the report was made: comply's version, the
/// pack and its content hash, the rules judged, each input's SHA-256, `as_of` and the options. With these the
/// run can be reproduced exactly.
struct ProvenanceText {
  var run: RunInfo
  var summary: Summary

  /// One line per fact, without decoration; `code` wraps values (backticks in Markdown).
  func lines(code: (String) -> String = { $0 }) -> [String] {
    let zh = run.language == .zh
    let colon = zh ? "：" : ": "
    var lines = [
      (zh ? "工具" : "Tool") + colon + code("\(run.tool) \(run.version)"),
      (zh ? "规则包" : "Rule pack") + colon + code("\(run.pack.name) \(run.pack.version)") + " sha256 "
        + code(run.pack.contentHash),
      (zh ? "规则" : "Rules") + colon + run.rules.map { code($0.id) }.joined(separator: ", "),
      (zh ? "检查基准日" : "As of") + colon + code(run.asOf.description),
    ]
    for input in summary.inputs {
      lines.append((zh ? "输入" : "Input") + colon + code(input.path) + " sha256 " + code(input.sha256 ?? "-"))
    }
    let options = run.options.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    lines.append((zh ? "选项" : "Options") + colon + (options.isEmpty ? "-" : code(options)))
    return lines
  }

  var heading: String { run.language == .zh ? "来源" : "Provenance" }
}
