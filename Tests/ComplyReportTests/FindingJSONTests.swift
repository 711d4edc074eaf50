import ComplyModel
import Testing

@testable import ComplyEngine
@testable import ComplyReport

/// The finding objects written straight to bytes against the `JSON` tree the JSON report built before: the
/// same text for the fixture's findings and for findings with every optional part (baseline, due date, ledger
/// with a waiver), escapes, negative and large numbers.
@Suite struct FindingJSONTests {
  @Test func findingsAsTheTreeRendersThem() {
    let engine = Engine(pack: ReportFixture.pack, asOf: ReportFixture.asOf)
    var findings: [Finding] = []
    for (i, cells) in ReportFixture.rows.enumerated() {
      findings += engine.judge(ReportFixture.record(cells, row: i + 2)).findings
    }
    #expect(findings.count >= 2)
    #expect(findings.contains { $0.penalty?.range != nil })
    var variants = findings
    for (i, var f) in findings.enumerated() {
      f.label = "tab\there \"quoted\" back\\slash \u{01}\u{1F} 中文"
      f.groups["z\"key"] = "line\nfeed"
      f.baseline = i % 2 == 0 ? .new : .persisting
      f.due = Day(year: 2019, month: 1, day: 9)
      var mark = LedgerMark(status: i % 2 == 0 ? .waived : .overdue)
      mark.entry = Location(file: "ledger.yaml", line: 12, column: 3)
      mark.measure = "补办环评"
      mark.responsible = "噶尔县生态环境局"
      mark.deadline = Day(year: 2020, month: 1, day: 20)
      mark.done = Day(year: 2020, month: 2, day: 1)
      mark.evidence = "文件\r号"
      mark.waiver = LedgerMark.Waiver(reason: "r", document: "d", expires: Day(year: 2021, month: 3, day: 4) ?? Day(number: 0))
      mark.note = LocalizedText(zh: "说明", en: "note")
      mark.escalatedFrom = .warning
      f.ledger = mark
      if var p = f.penalty {
        p.range = PenaltyAssessment.Range(label: nil, minYuan: -12, maxYuan: Int64.max)
        p.tiers.append(PenaltyAssessment.Range(label: LocalizedText(zh: "档", en: "tier"), minYuan: Int64.min, maxYuan: 0))
        p.note = LocalizedText(zh: "注", en: "n")
        p.undeterminedFields = ["a", "b"]
        f.penalty = p
      }
      variants.append(f)
      f.penalty = nil
      f.ledger = LedgerMark(status: .open)
      f.evidence = []
      f.groups = [:]
      variants.append(f)
    }
    // Texts that are not the rule's own, where the texts made once per run must not be used.
    for var f in findings {
      f.title = LocalizedText(zh: "另一\"标题\"", en: "another \"title\"")
      f.remedy = LocalizedText(zh: f.remedy.zh + "。", en: f.remedy.en + ".")
      f.evidence = f.evidence.map { item in
        var item = item
        item.name += "\n"
        return item
      }
      f.basis = Array(f.basis.prefix(1)) + f.basis
      variants.append(f)
    }
    // Only the second evidence name not the rule's, and one item more than the rule has.
    for var f in findings where f.evidence.count >= 2 {
      f.evidence[1].name += "_"
      f.evidence.append(f.evidence[0])
      variants.append(f)
    }
    for f in variants {
      for language in [Language.zh, .en] {
        let reference = Reference.encode(f, language).render()
        let out = JSONBytes.write { $0.finding(f, language) }
        #expect(String(decoding: out, as: UTF8.self) == reference)
        // With the rules' texts made once per run, as the reporters render, in this language and the other.
        for made in [language, language == .zh ? .en : .zh] {
          let cached = JSONBytes.write { $0.finding(f, language, rules: RuleTexts(rules: engine.rules, language: made)) }
          #expect(String(decoding: cached, as: UTF8.self) == reference)
        }
      }
    }
  }

  /// A text equal to the one made once per run as a string, but in another Unicode form, is written as its own
  /// bytes.
  @Test func aTextInAnotherUnicodeFormIsWrittenAsItsOwnBytes() {
    let known = RuleTexts.Encoded("caf\u{E9}")
    let other = "cafe\u{301}"
    #expect(other == known.text)
    #expect(JSONBytes.write { $0.string(other, known: known) } == Array("\"cafe\u{301}\"".utf8))
    #expect(JSONBytes.write { $0.string(known.text, known: known) } == known.json)
    // ASCII text, and the one non-ASCII scalar that is canonically a letter of it.
    let name = RuleTexts.Encoded("Kelvin")
    #expect("\u{212A}elvin" == name.text)
    #expect(JSONBytes.write { $0.string("\u{212A}elvin", known: name) } == Array("\"\u{212A}elvin\"".utf8))
    #expect(name.isText(String(decoding: Array("Kelvin".utf8), as: UTF8.self)))
  }

  /// The word-at-a-time test for bytes that need escaping, against a byte-at-a-time one, at every length and
  /// with each such byte (and its near neighbours) at every position.
  @Test func escapingIsNeededExactlyWhenABytesNeedsIt() {
    let special: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA2, 0xDC, 0xE5]
    for length in 0..<20 {
      for position in 0..<max(length, 1) {
        for byte in special {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          if position < length { bytes[position] = byte }
          let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
          #expect(bytes.withUnsafeBufferPointer { JSON.needsEscaping($0) } == expected, "\(bytes)")
        }
      }
    }
  }

  @Test func numbersAsStringWritesThem() {
    for n: Int64 in [0, 7, -7, 10, 99, 100, -100, 1_000_000_007, Int64.max, Int64.min, Int64.min + 1] {
      let out = JSONBytes.write { $0.int(n) }
      #expect(String(decoding: out, as: UTF8.self) == String(n))
    }
  }
}

/// The tree encoding of a finding, as the JSON report had it.
private enum Reference {
  static func encode(_ evidence: [Evidence], _ language: Language) -> JSON {
    .object(evidence.map { e in
      var fields: [(String, JSON)] = [("header", .optional(e.header)), ("raw", .optional(e.raw)), ("value", .string(e.value))]
      if let note = e.note { fields.append(("note", .string(note[language]))) }
      return (e.name, .object(fields))
    })
  }

  static func encode(_ f: Finding, _ language: Language) -> JSON {
    var object: [(String, JSON)] = [
      ("rule_id", .string(f.ruleID)), ("title", .string(f.title[language])), ("severity", .string(f.severity.rawValue)),
      ("confidence", .string(f.confidence.rawValue)), ("record_id", .string(f.recordKey)), ("label", .string(f.label)),
      ("path", .string(f.source.path)), ("row", .int(f.source.row)), ("line", .int(f.source.line)),
      ("groups", .object(f.groups.sorted { $0.name < $1.name }.map { ($0.name, JSON.string($0.value)) })),
      ("message", .string(f.message[language])), ("evidence", encode(f.evidence, language)),
      ("decided_by", .array(f.decidedBy.map { .string($0[language]) })),
      ("basis", .array(f.basis.map { .string($0.text[language]) })),
    ]
    object.append(("penalty", f.penalty.map { encode($0, language) } ?? .null))
    object.append(("remedy", .string(f.remedy[language])))
    object.append(("annotations", .array(f.annotations.map { .string($0[language]) })))
    if let state = f.baseline { object.append(("baseline", .string(state.rawValue))) }
    if let due = f.due { object.append(("due", .string(due.description))) }
    if let mark = f.ledger { object.append(("ledger", ledger(mark, language))) }
    return .object(object)
  }

  static func encode(_ p: PenaltyAssessment, _ language: Language) -> JSON {
    func range(_ r: PenaltyAssessment.Range) -> JSON {
      .object([("label", .optional(r.label?[language])), ("min_yuan", .int(r.minYuan)), ("max_yuan", .int(r.maxYuan))])
    }
    return .object([
      ("basis", .array(p.basis.map { .string($0.text[language]) })),
      ("min_yuan", p.range.map { .int($0.minYuan) } ?? .null), ("max_yuan", p.range.map { .int($0.maxYuan) } ?? .null),
      ("tiers", .array(p.tiers.map(range))), ("note", .optional(p.note?[language])),
      ("undetermined_fields", .array(p.undeterminedFields.map(JSON.string))),
    ])
  }

  static func ledger(_ mark: LedgerMark, _ l: Language) -> JSON {
    var object: [(String, JSON)] = [
      ("status", .string(mark.status.rawValue)), ("entry", .optional(mark.entry?.description)),
      ("measure", .optional(mark.measure)), ("responsible", .optional(mark.responsible)),
      ("deadline", .optional(mark.deadline?.description)), ("done", .optional(mark.done?.description)),
      ("evidence", .optional(mark.evidence)),
    ]
    if let w = mark.waiver {
      object.append(("waiver", .object([
        ("reason", .string(w.reason)), ("document", .string(w.document)), ("expires", .string(w.expires.description)),
      ])))
    }
    object.append(("note", .optional(mark.note?[l])))
    object.append(("escalated_from", .optional(mark.escalatedFrom?.rawValue)))
    return .object(object)
  }
}
