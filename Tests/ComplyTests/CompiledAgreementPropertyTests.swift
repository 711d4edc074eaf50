import ComplyExpression
import Foundation
import PropertyBased
import Testing

@testable import Comply

/// The compiled evaluator (`Program`, what the engine runs) against the reference `Interpreter`, on every
/// condition of the bundled packs (scope, violation, evidence, penalty cases and ranges, annotations, and the
/// pack's definitions) for random records and audit dates.
@Suite struct CompiledAgreementPropertyTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func programs(of pack: RulePack) -> [CheckedExpr] {
    var all = pack.definitions.sorted { $0.key < $1.key }.map(\.value)
    for rule in pack.rules {
      all += [rule.scope.checked, rule.violation.checked] + rule.evidence.map(\.program.checked)
      all += rule.annotations.map(\.when.checked)
      for c in rule.penalty {
        all += ([c.when, c.min, c.max].compactMap { $0 } + c.tiers.flatMap { [$0.min, $0.max] }).map(\.checked)
      }
    }
    return all
  }

  /// Alike, NaN included (a computed NaN is never == to itself).
  static func same(_ a: Value, _ b: Value) -> Bool { a == b || String(reflecting: a) == String(reflecting: b) }

  @Test(arguments: ["eia", "rectification"])
  func compiledConditionsAgreeWithTheInterpreter(_ name: String) async throws {
    let loaded = PackLoader.loadPack(Self.root.appendingPathComponent("Rules/\(name)").path)
    let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
    let conditions = Self.programs(of: pack)
    let compiled = conditions.map(Program.init)
    #expect(conditions.count > pack.rules.count * 2)
    let cells = Gen.int(in: 0...9_999).array(of: pack.schema.fields.count)
    await propertyCheck(count: 300, input: cells, RegisterPropertyTests.asOf) { picks, asOf in
      var texts: [String: String] = [:]
      for (field, pick) in zip(pack.schema.fields, picks) { texts[field.name] = RandomCells.text(for: field, pick) }
      let record = Record(
        cells: texts, schema: pack.schema, source: RecordSource(path: "random", row: 1, line: 2),
        headers: pack.schema.fields.map(\.name))
      let bindings = Bindings(values: record.values, asOf: asOf)
      for (checked, program) in zip(conditions, compiled) {
        let reference = Interpreter.evaluate(checked, bindings)
        let value = program.evaluate(bindings)
        #expect(Self.same(value, reference), "\(checked.source) on \(texts): compiled \(value), interpreted \(reference)")
      }
    }
  }
}
