import ComplyModel

/// The header of a worksheet: the row (or two rows) whose texts name the most schema fields.
struct XLSXHeader: Equatable {
  /// The header's rows as Excel numbers them: one, or a parent and a child row.
  var rows: [Int]
  /// One header text per column.
  var texts: [String]
  /// How many of the first rows read came before the data (header rows and the title rows above them).
  var consumed: Int
}

/// Finds the header among a sheet's first non-blank rows.
///
/// Title rows above the header ("阿里地区2018年建设项目环评台账") name no field and lose. A two-row header (a
/// parent text over several child columns, such as 环评批复 over 文号 and 日期) is tried by joining each row with the
/// next: the parent and child texts are joined (环评批复日期), and a column whose child is blank or repeats the
/// parent (a header merged down) keeps one text. The first row (or pair) that maps the most fields wins, a
/// single row before a pair that maps no more; it must map at least two fields, else the first row is taken.
enum XLSXHeaderDetector {
  /// How many non-blank rows the search looks at.
  static let searchRows = 20

  static func detect(_ rows: [SheetRow], matcher: HeaderMatcher) -> XLSXHeader? {
    guard let first = rows.first else { return nil }
    var best = XLSXHeader(rows: [first.number], texts: first.cells, consumed: 1)
    var bestScore = 1
    // A row names at most as many fields as it has non-blank cells, and a pair as many columns as either row
    // fills: one that cannot beat the best is not scored (normalizing and matching every text of every data row
    // below a full header was most of a small register's reading).
    let filled = rows.map { $0.cells.map { !TextNormalization.trimmed($0).isEmpty } }
    for (i, row) in rows.enumerated() {
      if filled[i].count(where: { $0 }) > bestScore {
        let single = score(row.cells, matcher)
        if single > bestScore {
          best = XLSXHeader(rows: [row.number], texts: row.cells, consumed: i + 1)
          bestScore = single
        }
      }
      guard i + 1 < rows.count, rows[i + 1].number == row.number + 1 else { continue }
      let (parent, child) = (filled[i], filled[i + 1])
      let columns = (0..<max(parent.count, child.count)).count { c in
        c < parent.count && parent[c] || c < child.count && child[c]
      }
      guard columns > bestScore else { continue }
      let joined = join(row.cells, rows[i + 1].cells)
      let pair = score(joined, matcher)
      if pair > bestScore {
        best = XLSXHeader(rows: [row.number, row.number + 1], texts: joined, consumed: i + 2)
        bestScore = pair
      }
    }
    return best
  }

  /// The number of distinct schema fields `texts` name.
  static func score(_ texts: [String], _ matcher: HeaderMatcher) -> Int {
    Set(texts.compactMap { matcher.match(TextNormalization.header($0))?.field }).count
  }

  /// A parent and a child header row as one, column by column.
  static func join(_ parent: [String], _ child: [String]) -> [String] {
    (0..<max(parent.count, child.count)).map { column in
      let p = column < parent.count ? String(TextNormalization.trimmed(parent[column])) : ""
      let c = column < child.count ? String(TextNormalization.trimmed(child[column])) : ""
      if c.isEmpty { return p }
      if p.isEmpty || p == c { return c }
      return p + c
    }
  }

  /// Whether a data row is a totals row: its first non-blank cell is 合计, 总计 or 小计 (spaces and a final colon
  /// aside).
  static func isTotals(_ cells: [String]) -> String? {
    guard let first = cells.first(where: { !TextNormalization.trimmed($0).isEmpty }) else { return nil }
    var word = TextNormalization.header(first)
    if word.hasSuffix(":") { word.removeLast() }
    return ["合计", "总计", "小计"].contains(word) ? word : nil
  }
}
