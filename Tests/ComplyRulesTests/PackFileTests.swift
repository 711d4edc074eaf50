import ComplyModel
import ComplyRules
import Foundation
import Testing

/// Broken pack files and their exact diagnostics. See FixtureSupport.swift for the fixture convention.
@Suite struct PackFileTests {
  static let cases = Fixtures.cases(in: "packs", folders: true)

  @Test func theFixturesAreThere() {
    #expect(Self.cases.count >= 4)
    for name in Self.cases {
      #expect(
        FileManager.default.fileExists(atPath: Fixtures.path("packs/\(name).diagnostics.txt")),
        "packs/\(name) has no \(name).diagnostics.txt")
    }
  }

  @Test(arguments: cases)
  func diagnostics(of name: String) {
    let result = PackLoader.loadPack(Fixtures.path("packs/\(name)"))
    #expect(result.pack == nil, "a broken pack must not load")
    #expect(result.diagnostics.hasErrors)
    Fixtures.expectMatches(Fixtures.render(result.diagnostics), expectedFile: "packs/\(name).diagnostics.txt")
  }

  private func errors(_ name: String) -> [Diagnostic] {
    PackLoader.loadPack(Fixtures.path("packs/\(name)")).diagnostics.filter { $0.severity == .error }
  }

  private func location(_ name: String, _ line: Int, _ column: Int) -> Location {
    Location(file: Fixtures.path("packs/\(name)/pack.yaml"), line: line, column: column)
  }

  @Test func keyAndGroupByMustNameFields() {
    #expect(errors("unknown-key-field") == [
      .error(
        .packSchema, "key names unknown field 'project_idd'", at: location("unknown-key-field", 5, 6),
        notes: [Diagnostic.Note("did you mean 'project_id'?")])
    ])
    #expect(errors("unknown-group-field") == [
      .error(
        .packSchema, "group_by names unknown field 'sectr'", at: location("unknown-group-field", 6, 20),
        notes: [Diagnostic.Note("did you mean 'sector'?")])
    ])
  }

  @Test func aDefinitionCycleIsReportedOnceAsACycle() {
    let found = errors("definition-cycle")
    #expect(found.map(\.code) == [.packCycle], "\(Fixtures.render(found))")
    #expect(found.first?.message == "definition 'deadline' refers to itself: deadline → start → deadline")
    #expect(errors("self-reference").map(\.code) == [.packCycle])
  }

  @Test func anUnsupportedFormatIsRefused() {
    #expect(errors("unsupported-format") == [
      .error(
        .packFormat, "unsupported pack format '2' (this comply reads format 1)", at: location("unsupported-format", 1, 9))
    ])
  }
}
