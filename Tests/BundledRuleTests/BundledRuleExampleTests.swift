import Comply
import Foundation
import Testing

/// One example of one bundled rule, with the pack and rule it runs against.
struct BundledExample: Sendable, CustomTestStringConvertible {
  var pack: RulePack
  var rule: Rule
  var example: RuleExample

  var testDescription: String { "\(rule.id) — \(example.name)" }
}

/// The bundled packs under `Rules/`, found from this file (not from the working directory) and loaded once.
enum BundledRules {
  static let folder: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rules").path

  static let loaded: (packs: [RulePack], diagnostics: [Diagnostic]) = PackLoader.load(folder)

  static var examples: [BundledExample] {
    loaded.packs.flatMap { pack in
      pack.rules.flatMap { rule in rule.examples.map { BundledExample(pack: pack, rule: rule, example: $0) } }
    }
  }
}

@Suite struct BundledRuleExampleTests {
  /// The companion test: the parameterized one below can never pass by running nothing.
  @Test func everyBundledPackLoadsWithRulesAndExamples() {
    let (packs, diagnostics) = BundledRules.loaded
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    #expect(!packs.isEmpty, "no pack under \(BundledRules.folder)")
    for pack in packs {
      #expect(!pack.rules.isEmpty, "pack \(pack.name) has no rules")
      for rule in pack.rules {
        #expect(rule.examples.contains { $0.expect == .violation }, "\(rule.id) has no violation example")
        #expect(rule.examples.contains { $0.expect != .violation }, "\(rule.id) has no example that is not a violation")
      }
    }
    // Every rule file in each pack folder became a rule.
    for pack in packs {
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: pack.directory)) ?? [])
        .filter { $0.hasSuffix(".yaml") && $0 != PackLoader.packFileName }
      #expect(Set(pack.rules.map { "\($0.id).yaml" }) == Set(files), "pack \(pack.name)")
    }
    #expect(!BundledRules.examples.isEmpty)
  }

  @Test(arguments: BundledRules.examples)
  func example(_ case_: BundledExample) {
    let result = ExampleRunner(pack: case_.pack).run(case_.example, of: case_.rule)
    #expect(
      result.passed,
      "\(case_.example.location): \(case_.rule.id) — \(case_.example.name): \(result.failures.joined(separator: "; "))")
  }
}
