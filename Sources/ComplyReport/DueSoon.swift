import ComplyEngine
import ComplyModel

/// The due-soon section (催办提醒) that heads the text, Markdown and HTML reports: reminders (findings of rules
/// with a `due:` date, such as acceptance due soon) and ledger entries in progress (or still open) whose deadline
/// falls within the next 30 days.
struct DueSoon {
  static let window = 30

  struct Item {
    var due: Day
    var recordKey: String
    var label: String
    var ruleID: String
    /// The rule's title for a reminder; the measure (or the rule's title) for a ledger deadline.
    var what: String
    var responsible: String?
    var place: String
  }

  let asOf: Day
  let language: Language
  private(set) var items: [Item] = []

  init(asOf: Day, language: Language) {
    self.asOf = asOf
    self.language = language
  }

  mutating func note(_ judgement: Judgement) {
    for f in judgement.findings {
      let place = "\(f.source.path):\(f.source.row)"
      if let due = f.due {
        items.append(Item(due: due, recordKey: f.recordKey, label: f.label, ruleID: f.ruleID, what: f.title[language], place: place))
      } else if let mark = f.ledger, mark.status == .inProgress || mark.status == .open, let deadline = mark.deadline,
        asOf <= deadline, deadline <= asOf.adding(days: DueSoon.window)
      {
        items.append(Item(
          due: deadline, recordKey: f.recordKey, label: f.label, ruleID: f.ruleID, what: mark.measure ?? f.title[language],
          responsible: mark.responsible, place: place))
      }
    }
  }

  /// Items by due date, then project.
  var sorted: [Item] { items.sorted { ($0.due, $0.recordKey, $0.ruleID) < ($1.due, $1.recordKey, $1.ruleID) } }

  var heading: String {
    language == .zh ? "催办提醒（\(DueSoon.window) 日内到期）" : "Due soon (within \(DueSoon.window) days)"
  }

  /// `还有 5 天` / `5 days left`; `今日到期` / `due today`.
  func daysLeft(_ item: Item) -> String {
    let days = item.due.number - asOf.number
    switch (days, language) {
    case (0, .zh): return "今日到期"
    case (0, .en): return "due today"
    case (_, .zh): return days > 0 ? "还有 \(days) 天" : "已过期 \(-days) 天"
    case (_, .en): return days > 0 ? "\(days) day\(days == 1 ? "" : "s") left" : "\(-days) days past"
    }
  }

  /// The section as plain text, empty when nothing is due.
  func text() -> String {
    guard !items.isEmpty else { return "" }
    let zh = language == .zh
    var out = "—— \(heading) ——\n"
    for item in sorted {
      let who = item.responsible.map { zh ? "，责任单位 \($0)" : ", \($0)" } ?? ""
      let name = [item.recordKey, item.label].filter { !$0.isEmpty }.joined(separator: " ")
      let left = zh ? "（\(daysLeft(item))）" : " (\(daysLeft(item)))"
      out += "  \(item.due)\(left) \(name)\(zh ? "：" : ": ")\(item.what) [\(item.ruleID)]\(who)  (\(item.place))\n"
    }
    return out + "\n"
  }
}
