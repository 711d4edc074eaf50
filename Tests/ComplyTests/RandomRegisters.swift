import Foundation
import PropertyBased

@testable import Comply

/// Random registers of a pack's canonical schema for the property tests: every field under its first header,
/// cells drawn by field type from valid, blank, malformed and oddly spelled values, some quoted (with commas,
/// quotes and line breaks inside), and now and then a short, long, blank or white-space row.
///
/// A register is generated as numbers (one per cell, one more for the row's shape), so that shrinking a failing
/// case removes rows and moves picks toward the first, plainest spellings.
struct RandomRegister: CustomStringConvertible {
  var rows: [[String]]
  var lineEnd: String
  var csv: String

  var description: String { csv.debugDescription }

  /// Rows that are not blank: each is read as one record or one rejected row.
  var dataRows: Int { rows.filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }.count }

  static func generator(_ schema: Schema, rows: ClosedRange<Int> = 0...12) -> Generator<RandomRegister, some SendableSequenceType> {
    zip(Gen.int(in: 0...9_999).array(of: schema.fields.count + 1).array(of: rows), Gen.int(in: 0...3)).map {
      picks, style in RandomRegister(schema, picks, style)
    }
  }

  init(_ schema: Schema, _ picks: [[Int]], _ style: Int) {
    lineEnd = style % 2 == 0 ? "\n" : "\r\n"
    rows = picks.map { row in
      var cells = zip(schema.fields, row).map { RandomCells.text(for: $0, $1) }
      // Mostly a key, repeated now and then (a duplicate warning); otherwise an odd text, often blank (rejected).
      if row[schema.keyField] % 8 != 0 { cells[schema.keyField] = "P-\(row[schema.keyField] % 60)" }
      switch (row.last ?? 0) % 20 {
      case 0: cells = Array(cells.prefix(3))  // short: rejected
      case 1: cells.append("extra")  // long: rejected
      case 2: cells = cells.map { _ in "" }  // blank: skipped
      case 3: cells = cells.map { _ in " " }
      default: break
      }
      return cells
    }
    let header = schema.fields.map { $0.headers.first ?? $0.name }
    csv = ([header] + rows).map { cells in
      cells.enumerated().map { i, cell in RandomCells.quoted(cell, always: (style + i) % 7 == 0) }.joined(separator: ",")
    }.joined(separator: lineEnd) + lineEnd
  }

  /// The register written to a fresh temporary file; the caller removes it.
  func write() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-prop-\(UUID().uuidString).csv").path
    try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}

/// Cell texts by field type, the plainest first.
enum RandomCells {
  static let texts = ["P-1", "阿里项目", "", " 噶尔县 ", "甲,乙", "多行\n备注", "say \"hi\"", "/", "无", "=HYPERLINK(\"x\")", "—"]
  static let odd = ["", "/", "无", "2019-02-30", "2019-13-01", "1900-01-01", "2150-01-01", "unknown", "２０１９－０３－０１"]
  static let numbers = ["100", "1,200.50", "0", "", "-5", "  3000 ", "一百", "1e5", "１２", "/", "99999999999999999999999"]
  static let bools = ["否", "是", "Y", "N", "", "y", "true", "FALSE", "1", "0", "/", "maybe", "Ｙ"]

  static func text(for field: FieldSpec, _ pick: Int) -> String {
    switch field.type {
    case .text: return texts[pick % texts.count]
    case .number: return numbers[pick % numbers.count]
    case .bool: return bools[pick % bools.count]
    case .date: return date(pick)
    case .enumeration:
      let spellings = field.values.flatMap { [$0.canonical] + $0.spellings }
      let all = spellings + ["", " \(spellings.first ?? "") ", "未知", "/", (spellings.last ?? "").uppercased()]
      return all[pick % all.count]
    }
  }

  /// Mostly well-formed days and months of 2012–2020 in the spellings registers use; some blank or unreadable.
  static func date(_ pick: Int) -> String {
    if pick % 5 == 0 { return odd[pick / 5 % odd.count] }
    let year = 2012 + pick % 9
    let month = 1 + pick / 9 % 12
    let day = 1 + pick / 108 % 28
    switch pick / 3_024 {
    case 0: return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    case 1: return "\(year)/\(month)/\(day)"
    case 2: return "\(year)年\(month)月"  // month only
    default: return "\(year)-\(month)"
    }
  }

  /// A CSV cell, quoted when it must be (or when `always`), with quotes doubled.
  static func quoted(_ cell: String, always: Bool) -> String {
    guard always || cell.contains(where: { ",\"\n\r".contains($0) }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
