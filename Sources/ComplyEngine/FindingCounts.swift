import ComplyModel

/// A summary's finding counts by rule and severity, in arrays by the order rules were first counted: a finding is
/// counted with one lookup of its rule's id, not one per dictionary it counts in. `Summary` shows them as
/// dictionaries, with only the counts above zero.
struct FindingCounts: Sendable {
  private(set) var ruleIDs: [String] = []
  private var slots: [String: Int] = [:]
  private(set) var found: [Int] = []
  private(set) var open: [Int] = []
  private(set) var foundBySeverity = [Int](repeating: 0, count: Severity.allCases.count)
  private(set) var openBySeverity = [Int](repeating: 0, count: Severity.allCases.count)
  /// Open findings per value of the grouping field, by rule slot, in the order the values were first seen.
  private var groups: [(text: String, counts: [Int])] = []
  private var groupSlots: [GroupKey: Int] = [:]

  /// Counts a finding of `ruleID` with `severity`; an open one also by its grouping value, when there is one.
  mutating func count(_ ruleID: String, _ severity: Severity, isOpen: Bool, group: String?) {
    let rule = slot(ruleID)
    let level = severity.rank
    found[rule] += 1
    foundBySeverity[level] += 1
    guard isOpen else { return }
    open[rule] += 1
    openBySeverity[level] += 1
    guard let group else { return }
    let key = GroupKey(text: group)
    let g: Int
    if let known = groupSlots[key] {
      g = known
    } else {
      g = groups.count
      groups.append((group, []))
      groupSlots[key] = g
    }
    let missing = rule + 1 - groups[g].counts.count
    if missing > 0 { groups[g].counts += repeatElement(0, count: missing) }
    groups[g].counts[rule] += 1
  }

  private mutating func slot(_ ruleID: String) -> Int {
    if let known = slots[ruleID] { return known }
    ruleIDs.append(ruleID)
    found.append(0)
    open.append(0)
    slots[ruleID] = ruleIDs.count - 1
    return ruleIDs.count - 1
  }

  func byRule(_ counts: [Int]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (i, n) in counts.enumerated() where n > 0 { result[ruleIDs[i]] = n }
    return result
  }

  func bySeverity(_ counts: [Int]) -> [Severity: Int] {
    var result: [Severity: Int] = [:]
    for severity in Severity.allCases where counts[severity.rank] > 0 { result[severity] = counts[severity.rank] }
    return result
  }

  /// Open findings by grouping value and rule. Values that differ in bytes but not as strings (composed and
  /// decomposed forms) are one group, named as first seen, as they were when the counts were kept by `String`.
  func byGroupAndRule() -> [String: [String: Int]] {
    var result: [String: [String: Int]] = [:]
    for group in groups { result[group.text, default: [:]].merge(byRule(group.counts), uniquingKeysWith: +) }
    return result
  }
}

/// A grouping value keyed by its UTF-8 bytes: hashing a `String` first puts non-ASCII text in normal form (about
/// 1,300 instructions for a county's name).
private struct GroupKey: Hashable, Sendable {
  var text: String

  static func == (a: GroupKey, b: GroupKey) -> Bool {
    var (x, y) = (a.text, b.text)
    return x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
  }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
