import ComplyModel
import Testing
import ComplyTestSupport

/// `Schema.parseCell(utf8:)` (bytes, may defer with nil) against the reference `Schema.parseCell(_:)` (strings):
/// whenever the fast path answers, it must answer exactly as the reference does.
@Suite struct CellFastPathAgreementTests {
  /// The bundled pack's field types and spellings, built here (this target does not load rule files).
  static let schema = Schema(
    fields: [
      FieldSpec(name: "project_id", type: .text, title: LocalizedText(zh: "项目编号", en: "Project id")),
      FieldSpec(
        name: "eia_category", type: .enumeration, title: LocalizedText(zh: "环评类别", en: "EIA category"),
        values: [
          EnumValue(canonical: "报告书", spellings: ["环境影响报告书"]),
          EnumValue(canonical: "报告表", spellings: ["环境影响报告表"]),
          EnumValue(canonical: "登记表", spellings: ["环境影响登记表"]),
          EnumValue(canonical: "不纳入", spellings: ["不纳入环评管理", "豁免"]),
          EnumValue(canonical: "exempt", spellings: ["Exempt"]),
        ]),
      FieldSpec(name: "approval_date", type: .date, title: LocalizedText(zh: "批复日期", en: "Approval date")),
      FieldSpec(
        name: "major_change", type: .bool, title: LocalizedText(zh: "重大变动", en: "Major change"), defaultText: "否"),
      FieldSpec(
        name: "total_investment_wan", type: .number, title: LocalizedText(zh: "总投资", en: "Total investment"),
        unit: "万元", unitFactors: ["元": 0.0001, "亿元": 10000]),
      FieldSpec(name: "done", type: .bool, title: LocalizedText(zh: "完成", en: "Done")),
    ],
    keyField: 0, blankTokens: ["/", "-", "—", "无"], trueSpellings: ["是", "Y", "true", "1"],
    falseSpellings: ["否", "N", "false", "0"])

  static let spaces = ["", "", "", " ", "\t", "\u{3000}", "\u{00A0}", "\u{FEFF}", "\u{0B}", "\u{0C}", "\r\n", "\u{2003}"]
  static let words = [
    "是", "否", "Y", "y", "N", "n", "TRUE", "True", "true", "false", "FALSE", "1", "0", "是的", "报告书", "环境影响报告书",
    "报告表", "豁免", "Exempt", "exempt", "EXEMPT", "不纳入", "登记表 ", "/", "-", "—", "无", "／", "－", "Ｙ", "ｙ",
    "", "N/A", "报告书报告书",
  ]

  static func date(_ g: inout SplitMix64) -> String {
    let y = g.pick(["2019", "1949", "2101", "1950", "2100", "0999", "19", "2020"])
    let m = g.pick(["1", "01", "12", "13", "0", "2", "02", "00"])
    let d = g.pick(["1", "01", "28", "29", "30", "31", "0", "32"])
    let time = g.pick(["", "", " 10:00", " 9:05:59", " 24:00", " 10:60", " 10:00:", "T10:00"])
    switch g.below(7) {
    case 0: return "\(y)-\(m)-\(d)\(time)"
    case 1: return "\(y)/\(m)/\(d)\(time)"
    case 2: return "\(y).\(m).\(d)\(time)"
    case 3: return "\(y)年\(m)月\(d)日\(time)"
    case 4: return "\(y)\(m.count == 2 ? m : "0" + m)\(d.count == 2 ? d : "0" + d)\(time)"
    case 5: return g.pick(["\(y)-\(m)", "\(y)/\(m)", "\(y).\(m)", "\(y)年\(m)月", "\(y)-\(m)/\(d)"])
    default:
      // Full-width digits and separators, which only the reference path folds.
      let ascii = "\(y)-\(m)-\(d)"
      return String(ascii.unicodeScalars.map { s in
        s.value >= 0x30 && s.value <= 0x39 || s == "-" ? Character(Unicode.Scalar(s.value + 0xFEE0)!) : Character(s)
      })
    }
  }

  static func number(_ g: inout SplitMix64) -> String {
    let sign = g.pick(["", "", "-", "+", "--"])
    let whole = g.pick([g.digits(g.below(4)), g.digits(1 + g.below(25)), "0", "00", "007", "1,200", "12,34"])
    let fraction = g.pick(["", "", ".", ".5", "." + g.digits(1 + g.below(20)), ".0", "e3", ".5.5"])
    var text = sign + whole + fraction
    if g.below(10) == 0 { text = "１２３.５" }
    return text
  }

  static func cell(_ g: inout SplitMix64) -> String {
    let body: String
    switch g.below(4) {
    case 0: body = date(&g)
    case 1: body = number(&g)
    case 2: body = g.pick(words)
    default: body = g.pick([date(&g), number(&g), g.pick(words)]) + g.pick(words)
    }
    return g.pick(spaces) + body + g.pick(spaces)
  }

  @Test func fastPathAgreesWithTheReferenceOnGeneratedCells() {
    var g = SplitMix64(state: 20_181_105)
    let factors: [Double] = [1, 0.0001, 10000]
    for _ in 0..<40_000 {
      let text = Self.cell(&g)
      let field = g.below(Self.schema.fields.count)
      let factor = g.pick(factors)
      var bytes = Array(text.utf8)
      let fast = bytes.withUnsafeMutableBufferPointer {
        Self.schema.parseCell(utf8: UnsafeBufferPointer($0), field: field, unitFactor: factor)
      }
      guard let fast else { continue }
      let reference = Self.schema.parseCell(text, field: field, unitFactor: factor)
      #expect(fast == reference, "field \(Self.schema.fields[field].name), cell \(text.debugDescription)")
      if fast != reference { return }
    }
  }

  /// `readCell` (bytes into an unboxed cell) against the reference: the same cell as the reference's value
  /// makes, and for text fields whether the text is set.
  @Test func cellsAgreeWithTheReferenceOnGeneratedCells() {
    var g = SplitMix64(state: 20_200_630)
    let factors: [Double] = [1, 0.0001, 10000]
    let extra = ["", " ", "/", "无", "P-1", "阿环评〔2018〕12号", "ａ", "／", "\u{3000}"]
    for _ in 0..<40_000 {
      let text = g.below(8) == 0 ? g.pick(extra) : Self.cell(&g)
      let field = g.below(Self.schema.fields.count)
      let factor = g.pick(factors)
      var bytes = Array(text.utf8)
      let fast = bytes.withUnsafeMutableBufferPointer {
        Self.schema.readCell(utf8: UnsafeBufferPointer($0), field: field, unitFactor: factor)
      }
      guard let fast else { continue }
      let reference = Self.schema.cell(of: Self.schema.parseCell(text, field: field, unitFactor: factor), field: field)
      #expect(fast == reference, "field \(Self.schema.fields[field].name), cell \(text.debugDescription)")
      if fast != reference { return }
    }
  }

  /// `YYYY-MM-DD` has a path of its own in `readCell`: every month and day number 00–39 of years at and beyond
  /// the edges of `DateParsing.years`, and near misses of the form, against the reference.
  @Test func isoDatesAgreeWithTheReference() {
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    var texts: [String] = ["2019-1-01", "2019-01-1", "2019/01/01", "2019-01-01 ", "2019-01-01 10:00", "2019-0a-01",
      "20190-1-01", "2019--1-01", "2019-01-0/", "2019-01-0:", "+019-01-01"]
    for year in ["0000", "1949", "1950", "1999", "2000", "2019", "2020", "2024", "2100", "2101", "9999"] {
      for month in 0...13 {
        for day in 0...39 { texts.append("\(year)-\(two(month))-\(two(day))") }
      }
    }
    let field = 2  // approval_date
    for text in texts {
      var bytes = Array(text.utf8)
      let fast = bytes.withUnsafeMutableBufferPointer {
        Self.schema.readCell(utf8: UnsafeBufferPointer($0), field: field, unitFactor: 1)
      }
      let reference = Self.schema.cell(of: Self.schema.parseCell(text, field: field, unitFactor: 1), field: field)
      #expect(fast == nil || fast == reference, "cell \(text.debugDescription)")
      if text.count == 10, case .success = DateParsing.read(text) { #expect(fast != nil, "cell \(text)") }
    }
  }

  /// A pack may make any text a blank token, a date among them: `YYYY-MM-DD` read first must not read it as a date.
  @Test func aTenByteBlankTokenIsBlankEvenWhenItIsADate() {
    let schema = Schema(
      fields: Self.schema.fields, keyField: 0, blankTokens: ["/", "2000-01-01"], trueSpellings: ["是"],
      falseSpellings: ["否"])
    for text in ["2000-01-01", "2019-03-01"] {
      var bytes = Array(text.utf8)
      let fast = bytes.withUnsafeMutableBufferPointer {
        schema.readCell(utf8: UnsafeBufferPointer($0), field: 2, unitFactor: 1)
      }
      let reference = schema.cell(of: schema.parseCell(text, field: 2, unitFactor: 1), field: 2)
      #expect(fast == reference, "cell \(text)")
    }
    #expect(schema.parseCell("2000-01-01", field: 2) == .blank)
  }

  /// Found by the generated cells: 19 digits and more overflowed the fast path's 64-bit mantissa (a crash).
  @Test(arguments: ["12345678901234567890", "-99999999999999999999.5", "0000000000000000000001", "1234567890123456"])
  func longDigitRunsAreReadByTheReference(_ text: String) {
    var bytes = Array(text.utf8)
    let fast = bytes.withUnsafeMutableBufferPointer {
      Self.schema.parseCell(utf8: UnsafeBufferPointer($0), field: 4, unitFactor: 1)
    }
    #expect(fast == nil || fast == Self.schema.parseCell(text, field: 4))
  }
}
