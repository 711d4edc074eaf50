import ComplyEngine
import ComplyModel
import ComplyRules

/// Words and phrases of the human-readable reports, in both languages, in one table.
enum ReportText {
  static func severity(_ s: Severity) -> LocalizedText {
    switch s {
    case .error: LocalizedText(zh: "错误", en: "error")
    case .warning: LocalizedText(zh: "警告", en: "warning")
    case .notice: LocalizedText(zh: "提示", en: "notice")
    }
  }

  static let row = LocalizedText(zh: "第%d行", en: "row %d")
  static let basis = LocalizedText(zh: "依据", en: "Basis")
  static let decidedBy = LocalizedText(zh: "判定", en: "Decided by")
  static let penalty = LocalizedText(zh: "处罚", en: "Penalty")
  static let remedy = LocalizedText(zh: "整改", en: "Remedy")
  static let note = LocalizedText(zh: "注意", en: "Note")
  static let evidence = LocalizedText(zh: "证据", en: "Evidence")
  static let ledger = LocalizedText(zh: "台账", en: "Ledger")
  static let undeterminedPenalty = LocalizedText(zh: "无法确定（缺少：%@）", en: "undetermined (needs: %@)")
  static let summary = LocalizedText(zh: "汇总", en: "Summary")
  static let asOf = LocalizedText(zh: "检查基准日", en: "as of")
  static let unconfirmed = LocalizedText(zh: "（依据待核实）", en: " (basis unconfirmed)")

  static func format(_ text: LocalizedText, _ language: Language, _ value: Int) -> String {
    text[language].replacingOccurrences(of: "%d", with: String(value))
  }

  /// `¥123,456`.
  static func yuan(_ amount: Int64) -> String {
    let digits = String(abs(amount))
    var grouped = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { grouped += "," }
      grouped.append(c)
    }
    return (amount < 0 ? "-¥" : "¥") + grouped
  }

  static func range(_ range: PenaltyAssessment.Range, _ language: Language) -> String {
    let label = range.label.map { $0[language] + (language == .zh ? "：" : ": ") } ?? ""
    return "\(label)\(yuan(range.minYuan)) – \(yuan(range.maxYuan))"
  }

  static func penalty(_ p: PenaltyAssessment, _ language: Language) -> String {
    var parts: [String] = []
    if let range = p.range {
      parts.append(self.range(range, language))
    } else {
      parts.append(undeterminedPenalty[language].replacingOccurrences(of: "%@", with: p.undeterminedFields.joined(separator: ", ")))
    }
    parts += p.tiers.map { self.range($0, language) }
    var text = parts.joined(separator: language == .zh ? "；" : "; ")
    if let note = p.note { text += (language == .zh ? "。" : ". ") + note[language] }
    return text
  }

  static func basis(_ references: [LawReference], _ language: Language) -> String {
    references.map { $0.text[language] }.joined(separator: language == .zh ? "；" : "; ")
  }
}
