import ComplyModel
import Foundation
import Testing

@testable import ComplyReport

@Suite struct DiagnosticRendererTests {
  @Test func theCaretSitsUnderTheMistakeAfterChineseText() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("comply-render-\(UUID().uuidString).yaml")
    try "  zh: \"开工日期{construction_start}早于\"\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    var renderer = DiagnosticRenderer(colour: false)
    // Column 15 counts Unicode scalars: `  zh: "` (7) + `开工日期` (4) + `{` (1), then the name.
    let text = renderer.render(.error(.exprUnknownField, "unknown field 'construction_start'", at: Location(file: file.path, line: 1, column: 13)))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "\(file.path):1:13: error: unknown field 'construction_start' [expr.unknown-field]")
    #expect(lines[1] == "  zh: \"开工日期{construction_start}早于\"")
    // Display width: 7 + 4×2 + 1 = 16 columns before the caret.
    #expect(lines[2] == String(repeating: " ", count: 16) + "^")
  }

  @Test func displayWidthCountsWideCharactersTwice() {
    #expect(DiagnosticRenderer.displayWidth("abc") == 3)
    #expect(DiagnosticRenderer.displayWidth("开工") == 4)
    #expect(DiagnosticRenderer.displayWidth("（万元）") == 8)
  }

  @Test func notesFollowTheDiagnostic() {
    var renderer = DiagnosticRenderer(colour: false)
    let d = Diagnostic.error(.exprUnknownField, "unknown field 'x'", at: nil, notes: [Diagnostic.Note("did you mean 'y'?")])
    #expect(renderer.render(d) == "error: unknown field 'x' [expr.unknown-field]\nnote: did you mean 'y'?\n")
  }
}
