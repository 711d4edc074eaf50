/// "Did you mean …" for a misspelt name.
public enum Suggestion {
  /// The candidate closest to `name` by edit distance, when it is close enough to be a likely typo (or when one
  /// contains the other, as `construction_start` and `construction_start_date` do).
  public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates where candidate != name {
      let c = Array(candidate.lowercased().unicodeScalars)
      var d = distance(target, c)
      if d > 0, (candidate.lowercased().contains(name.lowercased()) || name.lowercased().contains(candidate.lowercased())) {
        d = min(d, 2)
      }
      if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
    }
    guard let (candidate, d) = best else { return nil }
    return d <= max(2, target.count / 3) ? candidate : nil
  }

  /// Levenshtein distance between two sequences (of Unicode scalars, characters, …).
  public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
