import Foundation
import Testing

/// One malformed input and what comply must do with it.
struct BadInput: CustomTestStringConvertible, Sendable {
  var name: String
  /// Writes the inputs into the folder and returns the arguments after `comply`.
  var setup: @Sendable (URL) throws -> [String]
  /// The exact exit status.
  var status: Int32
  /// A diagnostic code that must appear: in the JSON report's `diagnostics`, or as `[code]` on standard error.
  var code: String? = nil
  /// A diagnostic code that must not appear in the JSON report.
  var absentCode: String? = nil
  /// A fragment of a message: in standard error, a diagnostic's message or a rejected row's reason.
  var fragment: String? = nil
  /// `records_read`, `records_judged`, `records_rejected` when the report is JSON.
  var counts: (read: Int, judged: Int, rejected: Int)? = nil
  /// Further checks on the result.
  var extra: (@Sendable (CLIResult) throws -> Void)? = nil

  var testDescription: String { name }
}

private typealias F = BadInputFixtures

/// `check` on a single register written as `name`, with a JSON report unless `args` name a format.
private func register(
  _ name: String, _ file: String, _ bytes: @escaping @Sendable () -> [UInt8], args: [String] = [], status: Int32,
  code: String? = nil, absentCode: String? = nil, fragment: String? = nil,
  counts: (read: Int, judged: Int, rejected: Int)? = nil, extra: (@Sendable (CLIResult) throws -> Void)? = nil
) -> BadInput {
  BadInput(
    name: name,
    setup: { dir in
      let path = try F.write(bytes(), file, in: dir)
      let format = args.contains("--format") ? [] : ["--format", "json"]
      return ["check", path, "--as-of", "2018-11-05"] + format + args
    }, status: status, code: code, absentCode: absentCode, fragment: fragment, counts: counts, extra: extra)
}

/// `check` of the 2018 sample register against a broken copy of the EIA pack: exit 2, nothing checked.
private func brokenPack(
  _ name: String, code: String, fragment: String? = nil, editPack: @escaping @Sendable (String) -> String = { $0 },
  editRule: @escaping @Sendable (String) -> String = { $0 }, ruleBytes: (@Sendable ([UInt8]) -> [UInt8])? = nil
) -> BadInput {
  BadInput(
    name: name,
    setup: { dir in
      let pack = try F.pack(in: dir, editPack: editPack, editRule: editRule, ruleBytes: ruleBytes)
      return ["check", CLI.path("Samples/ngari-2018-register.csv"), "--rules", pack, "--as-of", "2018-11-05"]
    }, status: 2, code: code, fragment: fragment,
    extra: { result in
      #expect(result.stdout.isEmpty, "nothing is checked with invalid rules")
      #expect(result.stderr.contains("the rules are invalid; nothing was checked"))
    })
}

private let cases: [BadInput] = [
  // Encodings: a file that is not text in one encoding is unreadable as a whole (exit 3), never garbled.
  register(
    "truncated UTF-8 at the end", "trunc.csv", { F.csv(F.row()) + Array("P2,阿".utf8) + [0xE9, 0x87] }, status: 3,
    code: "input.encoding", fragment: "neither UTF-8 nor GB18030"),
  register(
    "truncated UTF-8 at the end, --encoding utf8", "trunc.csv", { F.csv(F.row()) + [0x50, 0x32, 0x2C, 0xE9, 0x87] },
    args: ["--encoding", "utf8"], status: 3, code: "input.encoding", fragment: "not valid UTF-8"),
  register(
    "GB18030 file read with --encoding utf8", "gb.csv", { F.gb18030 }, args: ["--encoding", "utf8"], status: 3,
    code: "input.encoding", fragment: "try --encoding gb18030"),
  register(
    "UTF-8 file read with --encoding gb18030", "u8.csv", { F.csv(F.row()) }, args: ["--encoding", "gb18030"],
    status: 3, code: "input.encoding", fragment: "not valid GB18030"),
  register(
    "neither UTF-8 nor GB18030", "neither.csv", { F.csv() + Array("P1,".utf8) + [0xFF, 0xFE, 0x80, 0x81, 0x30, 0x0A] },
    status: 3, code: "input.encoding", fragment: "neither UTF-8 nor GB18030"),
  register(
    "Latin-1 bytes", "latin1.csv", { Array("project_id,name\nP1,caf".utf8) + [0xE9, 0x20, 0x6E, 0xE9, 0x0A] },
    status: 3, code: "input.encoding", fragment: "neither UTF-8 nor GB18030"),
  register(
    "UTF-16LE with BOM", "u16le.csv", { F.utf16(F.header + "\n" + F.goodRow + "\n", bigEndian: false) }, status: 3,
    code: "input.encoding", fragment: "UTF-16 is not supported"),
  register(
    "UTF-16BE with BOM", "u16be.csv", { F.utf16(F.header + "\n" + F.goodRow + "\n", bigEndian: true) }, status: 3,
    code: "input.encoding", fragment: "UTF-16 is not supported"),
  register(
    "binary file (noise)", "noise.csv", { F.noise(count: 4096) }, status: 3, code: "input.encoding",
    fragment: "cannot decode"),
  register(
    "NUL bytes in a text cell: read as text", "nul.csv", { F.csv(F.row("P1", [1: "阿里\u{0}项目"])) }, status: 0,
    absentCode: "input.bad-value", counts: (1, 1, 0)),
  register(
    "NUL byte in a date cell: unreadable value", "nuldate.csv", { F.csv(F.row("P1", [5: "2018-02\u{0}-01"])) },
    status: 0, code: "input.bad-value", fragment: "as a date", counts: (1, 1, 0)),

  // Empty and near-empty files.
  register("empty file", "empty.csv", { [] }, status: 3, code: "input.format", fragment: "is empty: no header row"),
  register(
    "a byte-order mark only", "bom.csv", { [0xEF, 0xBB, 0xBF] }, status: 3, code: "input.format",
    fragment: "is empty"),
  register("header only", "header.csv", { F.csv() }, status: 0, counts: (0, 0, 0)),
  register(
    "only blank rows", "blank.csv", { F.csv(",,,,,,,,", "", "   ,,,,,,,,", "") }, status: 0, counts: (0, 0, 0)),

  // CSV structure.
  register(
    "unbalanced quote swallows the rest and is rejected", "quote.csv",
    { F.csv(F.row("P1", [1: "\"阿里项目"]), F.row("P2")) }, status: 0, fragment: "never closed", counts: (1, 0, 1)),
  register(
    "ragged row: too few cells", "short.csv", { F.csv(F.row("P1"), "P2,阿里项目,噶尔县,报告书") }, status: 0,
    fragment: "expected 9 fields, found 4", counts: (2, 1, 1)),
  register(
    "ragged row: too many cells", "long.csv", { F.csv(F.row("P1") + ",extra", F.row("P2")) }, status: 0,
    fragment: "expected 9 fields, found 10", counts: (2, 1, 1)),
  register(
    "CR-only line ends", "cr.csv", { Array(([F.header, F.row("P1"), F.row("P2")].map { $0 + "\r" }).joined().utf8) },
    status: 0, counts: (2, 2, 0)),
  register(
    "the same header on two columns that map to a field", "duph.csv",
    { Array("项目编号,项目名称,项目名称,环评类别\nP1,a,b,报告书\n".utf8) }, status: 3, code: "input.duplicate-header",
    fragment: "header '项目名称' appears twice (columns 2 and 3)"),
  register(
    "two different headers map to one field", "twoh.csv",
    { Array("项目编号,项目名称,环评类别,环评文件类型\nP1,a,报告书,报告表\n".utf8) }, status: 0, code: "input.duplicate-field",
    fragment: "both map to eia_category; using '环评类别'", counts: (1, 1, 0)),
  register(
    "no column for the record key", "nokey.csv", { Array("名称,环评类别\na,报告书\n".utf8) }, status: 3,
    code: "input.missing-column", fragment: "no column for the record key project_id"),
  register(
    "duplicate project ids: both judged", "dupid.csv", { F.csv(F.row("P1"), F.row("P1")) }, status: 0,
    code: "input.duplicate-key", fragment: "row 3 repeats project_id 'P1' of row 2", counts: (2, 2, 0)),
  register(
    "blank project id (empty and white space) rejected", "blankid.csv",
    { F.csv(F.row(""), F.row("  \u{3000}"), F.row("P3")) }, status: 0, fragment: "blank record key (project_id)",
    counts: (3, 1, 2)),

  // Values.
  register(
    "impossible date 2019-02-30", "feb30.csv", { F.csv(F.row("P1", [5: "2019-02-30"])) }, status: 0,
    code: "input.bad-value", fragment: "cannot read '2019-02-30' as a date", counts: (1, 1, 0)),
  register(
    "impossible date 2019-13-01", "month13.csv", { F.csv(F.row("P1", [4: "2019-13-01"])) }, status: 0,
    code: "input.bad-value", fragment: "cannot read '2019-13-01' as a date", counts: (1, 1, 0)),
  register(
    "date far in the future (2150)", "future.csv", { F.csv(F.row("P1", [4: "2150-01-01"])) }, status: 0,
    code: "input.bad-value", fragment: "year 2150 is outside 1950–2100", counts: (1, 1, 0)),
  register(
    "date far in the past (1900)", "past.csv", { F.csv(F.row("P1", [5: "1900年1月1日"])) }, status: 0,
    code: "input.bad-value", fragment: "year 1900 is outside 1950–2100", counts: (1, 1, 0)),
  register(
    "negative investment reads as a number", "negative.csv", { F.csv(F.row("P1", [6: "-100"])) }, status: 0,
    absentCode: "input.bad-value", counts: (1, 1, 0)),
  register(
    "non-numeric investment is unreadable", "nonnum.csv", { F.csv(F.row("P1", [6: "一百万"])) }, status: 0,
    code: "input.bad-value", fragment: "cannot read '一百万' as a number", counts: (1, 1, 0)),
  register(
    "investment with an exponent is unreadable", "exp.csv", { F.csv(F.row("P1", [6: "1e5"])) }, status: 0,
    code: "input.bad-value", fragment: "cannot read '1e5' as a number", counts: (1, 1, 0)),
  // Found by fuzzing: a number of 10^15 or more trapped when shown, and a fine beyond Int64 yuan when stated.
  register(
    "an investment too large for any fine", "huge.csv",
    { Array("\(F.header),竣工日期\n\(F.row("P1", [5: "2017-06-01", 6: "99999999999999999999999"])),2018-06-01\n".utf8) },
    status: 1, absentCode: "input.bad-value", counts: (1, 1, 0),
    extra: { result in
      #expect(result.stdout.contains("99999999999999991611392"), "the investment, written out in the evidence")
      let findings = try CLI.json(result.stdout)["findings"] as? [[String: Any]] ?? []
      let penalty = findings.first?["penalty"] as? [String: Any]
      #expect(penalty?["undetermined_fields"] as? [String] == ["total_investment_wan"], "the fine cannot be stated")
    }),
  register(
    "enum value not in the schema", "enum.csv", { F.csv(F.row("P1", [3: "报告册"])) }, status: 0,
    code: "input.bad-value", fragment: "not one of 报告书, 报告表, 登记表, 不纳入", counts: (1, 1, 0)),
  register(
    "boolean spelled maybe", "maybe.csv", { F.csv(F.row("P1", [7: "maybe"])) }, status: 0, code: "input.bad-value",
    fragment: "cannot read 'maybe' as yes/no", counts: (1, 1, 0)),

  // Output safety.
  register(
    "formula-like cells are neutralized in CSV output", "formula.csv",
    {
      Array(
        ("项目编号,项目名称,县区,环评类别,环评批复日期,批复文号\n"
          + "=HYPERLINK(\"x\"),+1,@SUM(A1),报告书,2018-01-01,\n-1,@cmd,-2,报告书,2018-01-01,\n").utf8)
    }, args: ["--format", "csv", "--rule", "approval-number-missing"], status: 0,
    extra: { result in
      let out = result.stdout
      #expect(out.contains("\"'=HYPERLINK(\"\"x\"\")\""))
      #expect(out.contains(",'+1,'@SUM(A1),"))
      #expect(out.contains(",'-1,"))
      #expect(out.contains(",'-2,"))
      #expect(out.contains(",'@cmd,"))
      let cells = out.split(separator: "\r\n").dropFirst().flatMap { $0.split(separator: ",") }
      #expect(!cells.contains { ["=", "+", "-", "@"].contains($0.first) }, "a cell starts a formula")
    }),
  register(
    "<script> in a project name is escaped in HTML output", "script.csv",
    { Array("项目编号,项目名称,环评类别,环评批复日期,批复文号\nP1,<script>alert(1)</script>,报告书,2018-01-01,\n".utf8) },
    args: ["--format", "html", "--rule", "approval-number-missing"], status: 0,
    extra: { result in
      #expect(result.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!result.stdout.contains("<script>alert(1)"))
    }),

  // Size.
  register(
    "a 5 MB single field", "bigfield.csv",
    { F.csv(F.row("P1", [1: String(repeating: "阿里", count: 5 * 1024 * 1024 / 6)]), F.row("P2")) }, status: 0,
    counts: (2, 2, 0)),
  register(
    "a very long line (2 MB of remarks)", "longline.csv",
    { Array((F.header + ",备注\n" + F.goodRow + "," + String(repeating: "x", count: 2_000_000) + "\n").utf8) },
    status: 0, counts: (1, 1, 0)),
  register(
    "5,000 columns", "wide.csv",
    {
      let headers = ["项目编号", "项目名称"] + (2..<5000).map { "c\($0)" }
      let cells = ["P1", "阿里"] + Array(repeating: "v", count: 4998)
      return Array((headers.joined(separator: ",") + "\n" + cells.joined(separator: ",") + "\n").utf8)
    }, status: 0, counts: (1, 1, 0)),

  // JSON, JSON Lines, YAML.
  register(
    "JSON that is not an array", "obj.json", { Array("{\"project_id\": \"P1\"}".utf8) }, status: 3,
    code: "input.format", fragment: "expected a JSON array of objects"),
  register(
    "empty JSON file", "empty.json", { Array("  \n".utf8) }, status: 3, code: "input.format", fragment: "is empty"),
  register(
    "JSON with a nested object", "nested.json",
    { Array("[{\"project_id\":\"P1\",\"name\":{\"a\":1}},{\"project_id\":\"P2\",\"name\":\"x\"}]".utf8) }, status: 0,
    fragment: "the value of 'name' is an object", counts: (2, 1, 1)),
  register(
    "JSON with a nested list", "list.json",
    { Array("[{\"project_id\":\"P1\",\"name\":[1,2]},{\"project_id\":\"P2\",\"name\":\"x\"}]".utf8) }, status: 0,
    fragment: "'name'", counts: (2, 1, 1)),
  register(
    "JSON record giving a key twice", "dupkey.json",
    { Array("[{\"project_id\":\"P1\",\"name\":\"a\"},{\"project_id\":\"P2\",\"name\":\"a\",\"name\":\"b\"}]".utf8) },
    status: 0, fragment: "name", counts: (2, 1, 1)),
  register(
    "malformed JSON in an array stops the file", "malformed.json",
    { Array("[{\"project_id\":\"P1\"},\n{\"project_id\": }]\n".utf8) }, status: 3, code: "input.format",
    fragment: "malformed JSON: unexpected character '}'", counts: (1, 1, 0)),
  register(
    "malformed JSON Lines: the bad lines are rejected", "bad.jsonl",
    { Array("{\"project_id\":\"P1\"}\nnot json\n[1,2]\n{\"project_id\": }\n{\"project_id\":\"P5\"}\n".utf8) }, status: 0,
    fragment: "malformed JSON: unknown word 'not'", counts: (5, 2, 3)),
  register(
    "JSON Lines: an unfinished object does not swallow the next line", "open.jsonl",
    { Array("{\"project_id\":\"P1\"}\n{\"project_id\":\"P2\",\n{\"project_id\":\"P3\"}\n{\"project_id\":\"P4\"}\n".utf8) },
    status: 0, fragment: "malformed JSON", counts: (4, 3, 1),
    extra: { result in
      let report = try CLI.json(result.stdout)
      let rejected = report["rejected_rows"] as? [[String: Any]] ?? []
      #expect(rejected.map { $0["line"] as? Int } == [2])
    }),
  register(
    "YAML that is not a list", "map.yaml", { Array("project_id: P1\nname: a\n".utf8) }, status: 3,
    code: "input.format", fragment: "expected a list of mappings"),
  register(
    "YAML record with a nested mapping", "nested.yaml",
    { Array("- project_id: P1\n  name: {a: 1}\n- project_id: P2\n  name: b\n".utf8) }, status: 0, fragment: "'name'",
    counts: (2, 1, 1)),
  register(
    "a CSV file named .xlsx", "fake.xlsx", { F.csv(F.row()) }, status: 3, code: "input.format",
    fragment: "as an .xlsx workbook"),

  // Files.
  BadInput(
    name: "a missing file", setup: { dir in ["check", dir.appendingPathComponent("nope.csv").path, "--format", "json"] },
    status: 3, code: "input.unreadable", fragment: "No such file or directory", counts: (0, 0, 0)),
  BadInput(
    name: "a directory with one good and one empty register",
    setup: { dir in
      let sub = dir.appendingPathComponent("registers")
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      try F.write(F.csv(F.row("P1"), F.row("P2")), "a.csv", in: sub)
      try F.write([], "b.json", in: sub)
      return ["check", sub.path, "--as-of", "2018-11-05", "--format", "json"]
    }, status: 3, code: "input.format", fragment: "b.json is empty", counts: (2, 2, 0)),

  BadInput(
    name: "a directory with no register in it",
    setup: { dir in
      let sub = dir.appendingPathComponent("empty")
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      try F.write(Array("notes".utf8), "notes.docx", in: sub)
      return ["check", sub.path, "--as-of", "2018-11-05", "--format", "json"]
    }, status: 3, code: "input.unreadable", fragment: "a folder with no register in it", counts: (0, 0, 0)),

  // Usage errors.
  register(
    "--as-of malformed", "ok.csv", { F.csv(F.row()) }, args: ["--as-of", "2018-11-5"], status: 64,
    fragment: "2018-11-5"),
  register(
    "--as-of an impossible day", "ok.csv", { F.csv(F.row()) }, args: ["--as-of", "2019-02-30"], status: 64,
    fragment: "2019-02-30"),
  register(
    "unknown --rule", "ok.csv", { F.csv(F.row()) }, args: ["--rule", "construction-before-aproval"], status: 64,
    fragment: "construction-before-approval"),
  register(
    "--map to a field the pack lacks", "ok.csv", { F.csv(F.row()) }, args: ["--map", "备注=no_such_field"],
    status: 64, fragment: "no_such_field"),

  // Broken rule packs.
  brokenPack(
    "non-UTF-8 rule file", code: "rule.unreadable", fragment: "not UTF-8", ruleBytes: { F.gb18030Title($0) }),
  brokenPack(
    "a rule refers to a field of the rectification pack", code: "expr.unknown-field",
    fragment: "unknown field 'deadline'",
    editRule: {
      $0.replacingOccurrences(of: "violation: not is_set(eia_approval_no)", with: "violation: not is_set(deadline)")
    }),
  brokenPack(
    "a self-referencing definition", code: "pack.cycle", fragment: "refers to itself",
    editPack: {
      $0.replacingOccurrences(
        of: "definitions:\n",
        with: "definitions:\n  loop_def:\n    title: {zh: 自指, en: self}\n    expr: loop_def and category_a\n")
    }),
  brokenPack(
    "two definitions referring to each other", code: "pack.cycle", fragment: "def_a → def_b → def_a",
    editPack: {
      $0.replacingOccurrences(
        of: "definitions:\n",
        with: "definitions:\n  def_a:\n    title: {zh: 甲, en: a}\n    expr: def_b\n"
          + "  def_b:\n    title: {zh: 乙, en: b}\n    expr: def_a\n")
    }),
  brokenPack("a YAML alias bomb", code: "rule.alias", editRule: { $0 + F.aliasBomb }),
  brokenPack(
    "a rule with no examples", code: "rule.missing-examples",
    editRule: { String($0[..<($0.range(of: "examples:")?.lowerBound ?? $0.endIndex)]) }),
]

/// The bad-input catalogue of issue 8: every malformed input gives its documented exit status and a clear
/// diagnostic, never a crash, and no record is lost (read = judged + rejected).
@Suite struct BadInputCatalogueTests {
  @Test func theCatalogueHasAtLeastFortyCases() {
    #expect(cases.count >= 40)
    #expect(Set(cases.map(\.name)).count == cases.count)
  }

  @Test(arguments: cases)
  func badInput(_ input: BadInput) throws {
    let dir = try F.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CLI.run(try input.setup(dir))
    let context = "status \(result.status)\nstderr: \(result.stderr.prefix(2000))"
    #expect([0, 1, 2, 3, 64].contains(result.status), "not a documented status (a crash?): \(context)")
    #expect(result.status == input.status, "\(context)")

    var texts = [result.stderr]
    var codes = Set<String>()
    let isJSON = result.stdout.hasPrefix("{")
    if isJSON {
      let report = try CLI.json(result.stdout)
      for diagnostic in report["diagnostics"] as? [[String: Any]] ?? [] {
        if let code = diagnostic["code"] as? String { codes.insert(code) }
        texts.append(diagnostic["message"] as? String ?? "")
      }
      let rejected = report["rejected_rows"] as? [[String: Any]] ?? []
      texts += rejected.map { $0["reason"] as? String ?? "" }
      let summary = report["summary"] as? [String: Any] ?? [:]
      let read = summary["records_read"] as? Int ?? -1
      let judged = summary["records_judged"] as? Int ?? -1
      let rejectedCount = summary["records_rejected"] as? Int ?? -1
      #expect(read == judged + rejectedCount, "records read = judged + rejected")
      #expect(rejectedCount == rejected.count)
      for entry in report["inputs"] as? [[String: Any]] ?? [] {
        #expect(
          (entry["records"] as? Int) == (entry["judged"] as? Int ?? 0) + (entry["rejected"] as? Int ?? 0),
          "\(entry)")
      }
      if let counts = input.counts {
        #expect(read == counts.read && judged == counts.judged && rejectedCount == counts.rejected,
          "read \(read), judged \(judged), rejected \(rejectedCount)")
      }
    } else {
      #expect(input.counts == nil, "counts need a JSON report: \(context)")
    }
    if let code = input.code {
      #expect(codes.contains(code) || result.stderr.contains("[\(code)]"), "no \(code): \(codes) \(context)")
    }
    if let code = input.absentCode {
      #expect(!codes.contains(code), "unexpected \(code)")
    }
    if let fragment = input.fragment {
      #expect(texts.contains { $0.contains(fragment) }, "no '\(fragment)' in \(texts.map { $0.prefix(300) })")
    }
    try input.extra?(result)
  }
}
