import Foundation

/// Builds the malformed registers and rule packs of `BadInputCatalogueTests` in a temporary folder.
enum BadInputFixtures {
  /// A header that maps nine EIA fields, and a row that is compliant under every rule that can be judged.
  static let header = "项目编号,项目名称,县区,环评类别,环评批复日期,开工日期,总投资(万元),重大变动,批复文号"
  static let goodRow = "P1,阿里项目,噶尔县,报告书,2018-01-01,2018-02-01,100,否,阿环评〔2018〕1号"

  /// A CSV register: the header, then the rows, each ended with LF.
  static func csv(_ rows: String...) -> [UInt8] {
    Array(([header] + rows).map { $0 + "\n" }.joined().utf8)
  }

  /// `goodRow` with the cells at the given 0-based positions replaced.
  static func row(_ id: String = "P1", _ changes: [Int: String] = [:]) -> String {
    var cells = goodRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[0] = id
    for (i, text) in changes { cells[i] = text }
    return cells.joined(separator: ",")
  }

  /// `项目编号,项目名称,环评类别\nP1,阿里,报告书\n` in GB18030.
  static let gb18030: [UInt8] = [
    0xcf, 0xee, 0xc4, 0xbf, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbb,
    0xb7, 0xc6, 0xc0, 0xc0, 0xe0, 0xb1, 0xf0, 0x0a, 0x50, 0x31, 0x2c, 0xb0, 0xa2, 0xc0, 0xef, 0x2c, 0xb1, 0xa8, 0xb8,
    0xe6, 0xca, 0xe9, 0x0a,
  ]

  /// The bytes of `text` in UTF-16 with a byte-order mark.
  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
      bytes += bigEndian ? [hi, lo] : [lo, hi]
    }
    return bytes
  }

  /// Deterministic noise (a linear congruential generator), with 0xFF bytes that neither UTF-8 nor GB18030 allows.
  static func noise(count: Int) -> [UInt8] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    return (0..<count).map { i in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return i % 97 == 0 ? 0xFF : UInt8(truncatingIfNeeded: state >> 33)
    }
  }

  /// A fresh temporary folder.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes `bytes` to `name` in `dir` and returns its path.
  @discardableResult
  static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// A copy of the bundled EIA pack's `pack.yaml` and one rule (`approval-number-missing`), each passed through
  /// `edit`, in `dir/pack`. Returns the pack folder.
  static func pack(
    in dir: URL, editPack: (String) -> String = { $0 }, editRule: (String) -> String = { $0 },
    ruleBytes: (([UInt8]) -> [UInt8])? = nil
  ) throws -> String {
    let packDir = dir.appendingPathComponent("pack")
    try FileManager.default.createDirectory(at: packDir, withIntermediateDirectories: true)
    let packText = try String(contentsOfFile: CLI.path("Rules/eia/pack.yaml"), encoding: .utf8)
    let ruleText = try String(contentsOfFile: CLI.path("Rules/eia/approval-number-missing.yaml"), encoding: .utf8)
    try write(Array(editPack(packText).utf8), "pack.yaml", in: packDir)
    let rule = Array(editRule(ruleText).utf8)
    try write(ruleBytes.map { $0(rule) } ?? rule, "approval-number-missing.yaml", in: packDir)
    return packDir.path
  }

  /// UTF-8 text re-encoded as GB18030 where it is Chinese: only the characters of `approval-number-missing.yaml`'s
  /// title are needed for a non-UTF-8 rule file, so this swaps one known title for its GB18030 bytes.
  static func gb18030Title(_ utf8: [UInt8]) -> [UInt8] {
    let title = Array("批复文号缺失".utf8)
    // 批复文号缺失 in GB18030.
    let gb: [UInt8] = [0xc5, 0xfa, 0xb8, 0xb4, 0xce, 0xc4, 0xba, 0xc5, 0xc8, 0xb1, 0xca, 0xa7]
    guard let start = utf8.indices.first(where: { utf8[$0...].starts(with: title) }) else { return utf8 }
    return Array(utf8[..<start]) + gb + Array(utf8[(start + title.count)...])
  }

  /// A "billion laughs" YAML tail: nine levels of ten aliases each.
  static let aliasBomb: String = {
    var text = "\nx0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for level in 1...8 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",")
      text += "x\(level): &a\(level) [\(refs)]\n"
    }
    return text
  }()
}
