import ComplyModel
import ComplyRules

/// The fixed words of the HTML report, in both languages, in one table. Severity names, "Basis", "Penalty",
/// "Remedy" and the like come from `ReportText`, which the other reports for people share.
enum HTMLText {
  static let report = LocalizedText(zh: "检查报告", en: "compliance report")
  static let read = LocalizedText(zh: "读取记录", en: "Records read")
  static let judged = LocalizedText(zh: "判定记录", en: "Records judged")
  static let rejected = LocalizedText(zh: "拒收记录", en: "Records rejected")
  static let findings = LocalizedText(zh: "违法发现", en: "Findings")
  static let undetermined = LocalizedText(zh: "无法判定", en: "Undetermined")
  static let byRule = LocalizedText(zh: "各规则的发现", en: "Findings by rule")
  static let byGroup = LocalizedText(zh: "各%@的发现", en: "Findings by %@")
  static let blank = LocalizedText(zh: "（未填）", en: "(blank)")
  static let others = LocalizedText(zh: "其他 %d 项", en: "%d others")
  static let all = LocalizedText(zh: "全部", en: "All")
  static let rule = LocalizedText(zh: "规则", en: "Rule")
  static let severity = LocalizedText(zh: "严重程度", en: "Severity")
  static let message = LocalizedText(zh: "说明", en: "Message")
  static let details = LocalizedText(zh: "详情", en: "Details")
  static let label = LocalizedText(zh: "名称", en: "Name")
  static let place = LocalizedText(zh: "位置", en: "Location")
  static let field = LocalizedText(zh: "字段", en: "Field")
  static let header = LocalizedText(zh: "表头", en: "Header")
  static let raw = LocalizedText(zh: "原值", en: "Cell")
  static let value = LocalizedText(zh: "读作", en: "Read as")
  static let shown = LocalizedText(zh: "显示 %@ / %d 项", en: "Showing %@ of %d")
  static let noFindings = LocalizedText(zh: "未发现违法。", en: "No findings.")
  static let sortHint = LocalizedText(zh: "点击表头排序", en: "Click a header to sort")
  static let more = LocalizedText(
    zh: "表中只列出最严重的 %@ 项发现；另有 %d 项未列出，详见 JSON 或 CSV 报告。",
    en: "The table lists the %@ most serious findings; %d more are in the JSON or CSV report.")
  static let ledger = LocalizedText(zh: "台账", en: "Ledger")
  static let stillOpen = LocalizedText(zh: "仍需处理", en: "Still open")
  static let matrix = LocalizedText(zh: "按%@和规则汇总（未整改的发现）", en: "Open findings by %@ and rule")
  static let total = LocalizedText(zh: "合计", en: "Total")
  static let inputProblems = LocalizedText(zh: "输入问题", en: "Input problems")
  static let unreadable = LocalizedText(zh: "无法读取", en: "unreadable")
  static let moreProblems = LocalizedText(zh: "……（完整列表见 JSON 报告）", en: "… (the JSON report lists them all)")

  /// `text` with `%@` replaced by `word` and `%d` by `count`.
  static func format(_ text: LocalizedText, _ l: Language, _ word: String = "", _ count: Int = 0) -> String {
    text[l].replacingOccurrences(of: "%@", with: word).replacingOccurrences(of: "%d", with: String(count))
  }
}

/// HTML escaping for element text and attribute values alike: the five metacharacters become entities and
/// control characters other than line breaks and tabs become U+FFFD, so no register value can open a tag,
/// close an attribute or start a script.
enum HTML {
  static func escape(_ text: String) -> String {
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
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `1,234`.
  static func count(_ n: Int) -> String { String(ReportText.yuan(Int64(n)).dropFirst()) }
}
