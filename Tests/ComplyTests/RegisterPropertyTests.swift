import Foundation
import PropertyBased
import Testing

@testable import Comply

/// Properties of checking random registers of the bundled EIA pack (see `RandomRegister`): nothing is lost,
/// every record gets an outcome for every rule, the fast paths agree with the full ones.
@Suite struct RegisterPropertyTests {
  static let pack = PipelineAgreementTests.pack
  /// An audit date in 2012–2021, the years the generated dates fall in (so that month-only dates straddle it).
  static let asOf = Gen.int(in: 0...3_652).map { Day(number: firstDay + $0) }
  static let firstDay = Day(year: 2012, month: 1, day: 1)?.number ?? 0

  /// Records read = judged + rejected, by both readers: each non-blank row is one record or one rejected row,
  /// and the block pipeline (two threads, small blocks) judges the register as the record reader does.
  @Test func nothingIsLostAndBothReadersAgree() async throws {
    let edge = PipelineEdgeCaseAgreementTests()
    await propertyCheck(count: 200, input: RandomRegister.generator(Self.pack.schema), Gen.int(in: 1...400)) { register, blockSize in
      let path = try register.write()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let reader = try RegisterReader(path: path, schema: Self.pack.schema)
      while reader.next() != nil {}
      #expect(reader.failure == nil)
      #expect(reader.recordsRead + reader.rejectedCount == register.dataRows, "read = judged + rejected")

      var options = CheckOptions(asOf: PipelineEdgeCaseAgreementTests.asOf)
      options.jobs = 2
      options.blockSize = blockSize
      let summary = try ComplianceChecker(pack: Self.pack, options: options)
        .check([path], reporters: [], version: "test")
      #expect(summary.read == register.dataRows && summary.records == reader.recordsRead, "pipeline: read = judged + rejected")
      #expect(summary.inputs.first?.failure == nil)

      let reference = try edge.viaRecordReader(path)
      let pipeline = try edge.viaPipeline(path, jobs: 2, blockSize: blockSize)
      #expect(pipeline.lines == reference.lines)
      #expect(pipeline.warnings.sorted() == reference.warnings.sorted())
    }
  }

  /// Every judged record has a verdict for every rule, findings and undetermined outcomes exactly for the
  /// violations and undetermined verdicts, and `isClean` (the pipeline's fast path) holds exactly when no
  /// verdict is a violation or undetermined.
  @Test func everyRecordHasAnOutcomeForEveryRule() async throws {
    await propertyCheck(count: 300, input: RandomRegister.generator(Self.pack.schema, rows: 1...6), Self.asOf) {
      register, asOf in
      let path = try register.write()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let engine = Engine(pack: Self.pack, asOf: asOf)
      for case .record(let record) in try RegisterReader(path: path, schema: Self.pack.schema) {
        let judgement = engine.judge(record)
        #expect(judgement.verdicts.count == Self.pack.rules.count)
        #expect(judgement.findings.map(\.ruleID) == zip(engine.rules, judgement.verdicts).filter { $1 == .violation }.map(\.0.id))
        #expect(judgement.undetermined.map(\.ruleID) == zip(engine.rules, judgement.verdicts).filter { $1 == .undetermined }.map(\.0.id))
        let clean = judgement.verdicts.allSatisfy { $0 == .compliant || $0 == .notApplicable }
        #expect(engine.isClean(record.values) == clean, "isClean against judge for \(record.raw)")
      }
    }
  }
}
