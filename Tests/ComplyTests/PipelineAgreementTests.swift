import Foundation
import Testing

@testable import Comply

/// The block pipeline (bytes, parallel) and the record reader (strings, one row at a time) must judge a register
/// alike: same findings, same undetermined outcomes, same rejected rows.
@Suite struct PipelineAgreementTests {
  static let pack: RulePack = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    guard let pack = PackLoader.loadPack(root.appendingPathComponent("Rules/eia").path).pack else {
      fatalError("the bundled pack does not load")
    }
    return pack
  }()

  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

  final class Collector: Reporter {
    var renderer: (any JudgementRenderer)? { nil }
    var lines: [String] = []
    func start(_ run: RunInfo) {}
    func beginInput(_ path: String) {}
    func diagnostic(_ diagnostic: Diagnostic) {}
    func judged(_ judgement: Judgement, rendered: [UInt8]?) {
      for f in judgement.findings { lines.append("F \(f.ruleID) \(f.recordKey) \(f.source.row) \(f.source.line) \(f.message.zh)") }
      for u in judgement.undetermined { lines.append("U \(u.ruleID) \(u.recordKey) \(u.source.row) \(u.fields)") }
    }
    func rejected(_ rejection: RowRejection) { lines.append("R \(rejection.source.row) \(rejection.reason)") }
    func finish(_ summary: Summary) {}
  }

  func viaPipeline(_ path: String, jobs: Int) throws -> [String] {
    var options = CheckOptions(asOf: Day(year: 2018, month: 11, day: 5) ?? Day(number: 0))
    options.jobs = jobs
    let checker = try ComplianceChecker(pack: Self.pack, options: options)
    let collector = Collector()
    _ = checker.check([path], reporters: [collector], version: "test")
    return collector.lines
  }

  func viaRecordReader(_ path: String) throws -> [String] {
    let engine = Engine(pack: Self.pack, asOf: Day(year: 2018, month: 11, day: 5) ?? Day(number: 0))
    let collector = Collector()
    for event in try RegisterReader(path: path, schema: Self.pack.schema) {
      switch event {
      case .record(let record): collector.judged(engine.judge(record), rendered: nil)
      case .rejected(let rejection): collector.rejected(rejection)
      case .diagnostic: break
      }
    }
    return collector.lines
  }

  @Test(arguments: ["ngari-2018-register.csv", "ngari-2019-register.csv"])
  func bothReadersJudgeTheSamplesAlike(_ name: String) throws {
    let path = Self.samples.appendingPathComponent(name).path
    let reference = try viaRecordReader(path)
    #expect(reference.count > 10)
    #expect(try viaPipeline(path, jobs: 1) == reference)
    #expect(try viaPipeline(path, jobs: 3) == reference)
  }
}
