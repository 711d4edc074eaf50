import ComplyModel
import Testing

/// A small schema in the shape of the bundled pack's, independent of the rule files.
private let schema = Schema(
  fields: [
    FieldSpec(name: "project_id", type: .text, title: LocalizedText(zh: "项目编号", en: "Project id")),
    FieldSpec(
      name: "eia_category", type: .enumeration, title: LocalizedText(zh: "环评类别", en: "EIA category"),
      values: [
        EnumValue(canonical: "报告书", spellings: ["报告书", "环境影响报告书"]),
        EnumValue(canonical: "登记表", spellings: ["登记表", "环境影响登记表"]),
        EnumValue(canonical: "exempt", spellings: ["Exempt", "不纳入"]),
      ]),
    FieldSpec(name: "approval_date", type: .date, title: LocalizedText(zh: "批复日期", en: "Approval date")),
    FieldSpec(
      name: "major_change", type: .bool, title: LocalizedText(zh: "重大变动", en: "Major change"), defaultText: "否"),
    FieldSpec(
      name: "total_investment_wan", type: .number, title: LocalizedText(zh: "总投资", en: "Total investment"),
      unit: "万元", unitFactors: ["元": 0.0001, "亿元": 10000]),
    FieldSpec(name: "done", type: .bool, title: LocalizedText(zh: "完成", en: "Done")),
  ],
  keyField: 0, blankTokens: ["/", "-", "—", "无"])

@Suite struct CellParsingTests {
  @Test func textIsTrimmedOfUnicodeSpaceAndBOM() {
    #expect(schema.parseCell("\u{FEFF}\u{3000} A-1\u{00A0}\t", field: 0) == .value(.text("A-1")))
    #expect(schema.parseCell("两 个 字", field: 0) == .value(.text("两 个 字")))
  }

  @Test(arguments: [
    ("水厂\u{3000}", "水厂"), ("\u{00A0}水", "水"), ("\u{2003}x\u{2003}", "x"), ("é", "é"), ("中", "中"),
    ("a\u{200B}", "a\u{200B}"), ("\u{2028}①\u{85}", "①"), ("x\u{FEFF}", "x"), ("\n\tz", "z"),
  ])
  func trimmingAtTheByteLevelMatchesTheScalarRule(text: String, expected: String) {
    #expect(TextNormalization.trimmed(text) == expected[...], "\(text.unicodeScalars.map(\.value))")
    #expect(TextNormalization.trimmed(Substring(text)) == expected[...])
  }

  @Test func nfkcSkipsOnlyTextItCannotChange() {
    #expect(TextNormalization.nfkc("项目编号 A-1") == "项目编号 A-1")
    #expect(TextNormalization.nfkc("总投资（万元）①") == "总投资(万元)1")
    #expect(TextNormalization.nfkc("㈠") == "(一)")
  }

  @Test(arguments: ["", "   ", "\u{3000}", "/", "-", "—", "无", " 无 ", "／", "\u{00A0}/\u{00A0}"])
  func blankCellsAndTokens(text: String) {
    #expect(schema.parseCell(text, field: 0) == .blank, "'\(text)'")
    #expect(schema.parseCell(text, field: 2) == .blank, "'\(text)'")
  }

  @Test func aBlankCellReadsTheDefault() {
    #expect(schema.parseCell("", field: 3) == .value(.bool(false)))
    #expect(schema.parseCell("/", field: 3) == .value(.bool(false)))
    #expect(schema.parseCell("", field: 5) == .blank)
  }

  @Test(arguments: [
    ("报告书", "报告书"), ("环境影响报告书", "报告书"), (" 登记表 ", "登记表"), ("环境影响登记表", "登记表"),
    ("exempt", "exempt"), ("EXEMPT", "exempt"), ("ｅｘｅｍｐｔ", "exempt"), ("不纳入", "exempt"),
  ])
  func enumSpellingsFoldToTheCanonicalValue(text: String, canonical: String) {
    #expect(schema.parseCell(text, field: 1) == .value(.text(canonical)), "\(text)")
  }

  @Test func otherEnumTextIsUnreadable() {
    #expect(schema.parseCell("报告", field: 1) == .unreadable("not one of 报告书, 登记表, exempt"))
  }

  @Test(arguments: [
    ("是", true), ("否", false), ("Y", true), ("n", false), ("TRUE", true), ("False", false), ("1", true), ("0", false),
    ("Ｙ", true), ("１", true),
  ])
  func boolSpellings(text: String, value: Bool) {
    #expect(schema.parseCell(text, field: 5) == .value(.bool(value)), "\(text)")
  }

  @Test(arguments: ["yes", "no", "2", "对"])
  func otherBoolTextIsUnreadable(text: String) {
    #expect(schema.parseCell(text, field: 5) == .unreadable("not a yes/no value"))
  }

  @Test func numbersTakeTheUnitFactor() {
    #expect(schema.parseCell("1,200.5", field: 4) == .value(.number(1200.5)))
    #expect(schema.parseCell("1200", field: 4, unitFactor: 0.0001) == .value(.number(0.12)))
    #expect(schema.parseCell("35000000", field: 4, unitFactor: 0.0001) == .value(.number(3500)))
    #expect(schema.parseCell("1.5", field: 4, unitFactor: 10000) == .value(.number(15000)))
    #expect(schema.parseCell("十万", field: 4) == .unreadable("not a number"))
  }

  @Test func datesAndTheirReasons() throws {
    let date = try #require(DateParsing.parse("2019-03-01"))
    #expect(schema.parseCell(" 2019/3/1 ", field: 2) == .value(.date(date)))
    #expect(schema.parseCell("2019-02-30", field: 2) == .unreadable("no such day"))
    #expect(schema.parseCell("1949-10-01", field: 2) == .unreadable("year 1949 is outside 1950–2100"))
    #expect(schema.parseCell("明年", field: 2) == .unreadable("not a date"))
  }
}
