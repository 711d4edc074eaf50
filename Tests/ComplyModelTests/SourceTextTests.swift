import ComplyModel
import Testing

@Suite struct SourceTextTests {
  @Test func linesAreCutAtLFWithAnyCRBeforeItDropped() {
    #expect(SourceText.lines("a: 1\r\nb: 环评\r\n").map(String.init) == ["a: 1", "b: 环评", ""])
    #expect(SourceText.lines("a: 1\nb: 2").map(String.init) == ["a: 1", "b: 2"])
    #expect(SourceText.lines("\r\n\r\n").map(String.init) == ["", "", ""])
    #expect(SourceText.lines("a\rb\r\nc").map(String.init) == ["a", "b", "c"], "a lone CR breaks a line in YAML too")
    #expect(SourceText.lines("").map(String.init) == [""])
  }
}
