import ComplyEngine
import ComplyModel
import ComplyRules

/// JUnit XML for CI dashboards: one test suite per input file and one test case per rule in it. A rule
/// with findings fails, listing the projects one line each; a rule with only undetermined outcomes is
/// skipped with their count; an input that cannot be read is an error. With a ledger only open and overdue
/// findings fail; closed, waived and in-progress ones are listed in the case's `system-out` with their status.
/// Counts go in the opening tags, so the document is written at the end; only the lines are kept meanwhile.
public final class JUnitReporter: Reporter {
  private let sink: any OutputSink
  private var run: RunInfo?
  /// Per input, per rule id: failure lines and the worst severity, and undetermined outcomes.
  private var failures: [[String: [String]]] = []
  private var settled: [[String: [String]]] = []
  private var worst: [[String: Severity]] = []
  private var undetermined: [[String: Int]] = []
  public var renderer: (any JudgementRenderer)? { nil }

  public init(sink: any OutputSink) { self.sink = sink }

  public func start(_ run: RunInfo) { self.run = run }

  public func beginInput(_ path: String) {
    failures.append([:])
    settled.append([:])
    worst.append([:])
    undetermined.append([:])
  }

  public func diagnostic(_ diagnostic: Diagnostic) {}
  public func rejected(_ rejection: RowRejection) {}

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    guard let run, !failures.isEmpty else { return }
    let i = failures.count - 1
    for f in judgement.findings {
      let row = ReportText.format(ReportText.row, run.language, f.source.row)
      let line = "\(f.recordKey) \(row): \(f.message[run.language])"
      if let mark = f.ledger {
        let status = "\(line) [\(LedgerText.status(mark, run.language))]"
        guard f.isOpen else {
          settled[i][f.ruleID, default: []].append(status)
          continue
        }
        failures[i][f.ruleID, default: []].append(status)
      } else {
        failures[i][f.ruleID, default: []].append(line)
      }
      worst[i][f.ruleID] = max(worst[i][f.ruleID] ?? .notice, f.severity)
    }
    for u in judgement.undetermined { undetermined[i][u.ruleID, default: 0] += 1 }
  }

  public func finish(_ summary: Summary) {
    guard let run else { return }
    let l = run.language
    var suites = ""
    var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
    for (i, input) in summary.inputs.enumerated() where i < failures.count {
      var cases = ""
      var counts = (tests: 0, failures: 0, errors: 0, skipped: 0)
      let file = XML.escape(input.path)
      if let failure = input.failure {
        counts.tests += 1
        counts.errors += 1
        cases += "    <testcase classname=\"\(file)\" name=\"read\">\n"
        cases += "      <error message=\"\(XML.escape(failure))\" type=\"input\"/>\n    </testcase>\n"
      }
      for rule in run.rules {
        counts.tests += 1
        let name = XML.escape("\(rule.id) \(rule.title[l])")
        let open = "    <testcase classname=\"\(file)\" name=\"\(name)\""
        let unknown = undetermined[i][rule.id] ?? 0
        let unknownText = l == .zh ? "\(unknown) 项无法判定" : "\(unknown) undetermined"
        if let lines = failures[i][rule.id] {
          counts.failures += 1
          var message = l == .zh ? "\(lines.count) 个项目存在违法发现" : "\(lines.count) project(s) with findings"
          if unknown > 0 { message += l == .zh ? "，\(unknownText)" : ", \(unknownText)" }
          let type = (worst[i][rule.id] ?? rule.severity).rawValue
          cases += open + ">\n      <failure message=\"\(XML.escape(message))\" type=\"\(type)\">"
          cases += XML.escape(lines.joined(separator: "\n"), attribute: false) + "</failure>\n"
        } else if unknown > 0 {
          counts.skipped += 1
          cases += open + ">\n      <skipped message=\"\(XML.escape(unknownText))\"/>\n"
        } else if settled[i][rule.id] == nil {
          cases += open + "/>\n"
          continue
        } else {
          cases += open + ">\n"
        }
        if let lines = settled[i][rule.id] {
          cases += "      <system-out>" + XML.escape(lines.joined(separator: "\n"), attribute: false) + "</system-out>\n"
        }
        cases += "    </testcase>\n"
      }
      suites += "  <testsuite name=\"\(file)\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" "
      suites += "errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\">\n"
      suites += properties(run, input) + cases + "  </testsuite>\n"
      totals = (totals.tests + counts.tests, totals.failures + counts.failures, totals.errors + counts.errors,
                totals.skipped + counts.skipped)
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"comply\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" "
    out += "errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
    sink.write(out + suites + "</testsuites>\n")
  }

  /// The run's provenance as JUnit properties, per suite (the only place JUnit has for them).
  private func properties(_ run: RunInfo, _ input: Summary.Input) -> String {
    let pairs: [(String, String)] = [
      ("comply.version", run.version), ("pack", "\(run.pack.name) \(run.pack.version)"),
      ("pack.sha256", run.pack.contentHash), ("rules", run.rules.map(\.id).joined(separator: ",")),
      ("input.sha256", input.sha256 ?? ""), ("as_of", run.asOf.description),
    ] + run.options.map { ("option.\($0.0)", $0.1) }
    let lines = pairs.map { "      <property name=\"\(XML.escape($0.0))\" value=\"\(XML.escape($0.1))\"/>\n" }
    return "    <properties>\n" + lines.joined() + "    </properties>\n"
  }
}

/// XML text and attribute escaping. Characters XML 1.0 cannot hold (most C0 controls) become U+FFFD.
enum XML {
  /// Escapes for an attribute value; `attribute: false` keeps line breaks as they are, for element text.
  static func escape(_ text: String, attribute: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { "<>&\"'".unicodeScalars.contains($0) || $0.value < 0x20 }) else {
      return text
    }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += attribute ? "&#10;" : "\n"
      case "\t": out += attribute ? "&#9;" : "\t"
      case "\r": out += "&#13;"
      case _ where scalar.value < 0x20: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
