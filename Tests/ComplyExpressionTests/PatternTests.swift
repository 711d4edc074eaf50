import Testing
import ComplyTestSupport

@testable import ComplyExpression

/// Compiles `pattern` and matches it; a pattern that fails to compile is a test failure, not a `false`.
private func matches(_ text: String, _ pattern: String) -> Bool {
  do { return try Pattern(pattern).matches(text) } catch {
    Issue.record("\(pattern): \(error.message) at \(error.offset)")
    return false
  }
}

private func compileError(_ pattern: String) -> PatternError? {
  do {
    _ = try Pattern(pattern)
    return nil
  } catch { return error }
}

struct PatternTests {
  @Test func literals() {
    #expect(matches("hello world", "lo w"))
    #expect(matches("abc", ""))
    #expect(matches("", ""))
    #expect(!matches("hello", "hellO"))
    #expect(!matches("", "a"))
    #expect(matches("a.b", "a.b"))
  }

  @Test func chineseText() {
    #expect(matches("阿里地区水利局", "水利"))
    #expect(!matches("阿里地区水利局", "水务"))
    #expect(matches("阿里地区水利局", "^阿里.{2}水利局$"))
    #expect(matches("水利局", "[\u{4e00}-\u{9fa5}]+局"))
    #expect(matches("水利局", "^[一-龥]{3}$"))
    #expect(!matches("水利局a", "^[一-龥]+$"))
    #expect(matches("地区\u{3000}水利", "区\\s水"))
  }

  @Test func dotMatchesAnyScalar() {
    #expect(matches("a\nb", "a.b"))
    #expect(matches("😀", "^.$"))
    #expect(!matches("", "."))
    // Per scalar, not per grapheme: "e" + combining acute is two scalars.
    #expect(matches("e\u{301}", "^..$"))
  }

  @Test func classes() {
    #expect(matches("cat", "[bc]at"))
    #expect(!matches("rat", "[bc]at"))
    #expect(matches("x-y", "x[-]y"))
    #expect(matches("a-", "a[b-]"))
    #expect(matches("]", "[\\]]"))
    #expect(matches("rat", "[^bc]at"))
    #expect(!matches("cat", "^[^bc]at"))
    #expect(!matches("", "[^a]"))
    #expect(matches("中", "[^a]"))
    #expect(matches("q", "[a-cq-s]"))
    #expect(!matches("d", "[a-cq-s]"))
    #expect(matches("7", "[\\d]"))
    #expect(matches("x", "[^\\d]"))
    #expect(!matches("7", "[^\\d]"))
    #expect(matches("a", "[\\Dx]"))
  }

  @Test func ranges() {
    #expect(matches("m", "^[a-z]$"))
    #expect(!matches("M", "^[a-z]$"))
    #expect(matches("M", "^[a-zA-Z0-9_]$"))
    #expect(matches("a", "^[a-a]$"))
    #expect(matches("5", "[0-9]"))
  }

  @Test func escapes() {
    #expect(matches("2024", "^\\d+$"))
    #expect(!matches("２０２４", "\\d"))  // full-width digits are not ASCII digits
    #expect(matches("a_1", "^\\w+$"))
    #expect(!matches("水", "\\w"))
    #expect(matches("水", "\\W"))
    #expect(matches("a b", "a\\sb"))
    #expect(matches("a\tb", "a\\sb"))
    #expect(!matches("ab", "a\\sb"))
    #expect(matches("ab", "a\\Sb") == false)
    #expect(matches("axb", "a\\Sb"))
    #expect(matches("x", "\\D"))
    #expect(matches("a.b", "a\\.b"))
    #expect(!matches("axb", "a\\.b"))
    #expect(matches("a\\b", "a\\\\b"))
    #expect(matches("[x]", "\\[x\\]"))
    #expect(matches("(a)*+?{1}|^$", "\\(a\\)\\*\\+\\?\\{1\\}\\|\\^\\$"))
    #expect(matches("a\nb", "a\\nb"))
    #expect(matches("a\tb\r", "\\t.\\r"))
    #expect(matches("_-/", "\\_\\-\\/"))
  }

  @Test func quantifiers() {
    #expect(matches("", "^a*$"))
    #expect(matches("aaa", "^a*$"))
    #expect(!matches("", "^a+$"))
    #expect(matches("aaa", "^a+$"))
    #expect(matches("", "^a?$"))
    #expect(matches("a", "^a?$"))
    #expect(!matches("aa", "^a?$"))
    #expect(matches("color colour", "^colou?r colou?r$"))
    #expect(matches("aaa", "^a*?$"))  // lazy: same yes/no answer
  }

  @Test(arguments: 0...6) func countedRepetition(count: Int) {
    let text = String(repeating: "a", count: count)
    #expect(matches(text, "^a{3}$") == (count == 3))
    #expect(matches(text, "^a{3,}$") == (count >= 3))
    #expect(matches(text, "^a{2,4}$") == (2...4).contains(count))
    #expect(matches(text, "^a{0,2}$") == (count <= 2))
    #expect(matches(text, "^a{0}$") == (count == 0))
    #expect(matches(text, "^(?:ab?){1,2}$") == (1...2).contains(count))
  }

  @Test func repetitionAtTheLimit() {
    #expect(matches(String(repeating: "a", count: 100), "^a{100}$"))
    #expect(!matches(String(repeating: "a", count: 99), "^a{100}$"))
    #expect(matches(String(repeating: "ab", count: 100), "^(ab){0,100}$"))
  }

  @Test func alternation() {
    #expect(matches("dog", "cat|dog"))
    #expect(matches("cat", "cat|dog"))
    #expect(!matches("cow", "^(cat|dog)$"))
    #expect(matches("b", "^(a|b|c)$"))
    #expect(matches("", "^(a|)$"))
    #expect(matches("x", "^(|x)$"))
    #expect(matches("有限公司", "公司$|有限"))
  }

  @Test func groups() {
    #expect(matches("ababab", "^(ab)+$"))
    #expect(!matches("ababa", "^(ab)+$"))
    #expect(matches("abab", "^(?:ab){2}$"))
    #expect(matches("x", "^x()$"))
    #expect(matches("acbd", "^((a|b)(c|d))+$"))
    #expect(matches("aaa", "^(((a)))*$"))
  }

  @Test func anchors() {
    #expect(matches("abc", "^abc$"))
    #expect(!matches("xabc", "^abc"))
    #expect(!matches("abcx", "abc$"))
    #expect(!matches("abc\n", "abc$"))  // `$` is the very end, not before a final newline
    #expect(matches("", "^$"))
    #expect(!matches("a", "^$"))
    #expect(matches("ba", "(^a|a$)"))
    #expect(!matches("bab", "(^a|a$)"))
    #expect(matches("abc", "^*abc"))
  }

  @Test(arguments: [
    ("a)", "unbalanced ')'", 1),
    ("(a))", "unbalanced ')'", 3),
    ("(ab", "missing ')'", 0),
    ("x((a)", "missing ')'", 1),
    ("[abc", "missing ']'", 0),
    ("a[^", "missing ']'", 1),
    ("[]", "empty character class", 0),
    ("a[^]", "empty character class", 1),
    ("x[z-a]", "invalid range 'z-a'", 2),
    ("[a-\\d]", "a class escape cannot be a range bound", 3),
    ("[\\w-z]", "a class escape cannot be a range bound", 1),
    ("[[:alpha:]]", "unescaped '[' in a character class", 1),
    ("*a", "'*' has nothing to repeat", 0),
    ("a|+", "'+' has nothing to repeat", 2),
    ("(?a)", "unsupported group syntax '(?a'", 0),
    ("(??)", "unsupported group syntax '(??'", 0),
    ("(?", "unsupported group syntax '(?'", 0),
    ("{2}", "'{' has nothing to repeat", 0),
    ("a**", "'*' follows another quantifier", 2),
    ("a{2}{3}", "'{' follows another quantifier", 4),
    ("a*?+", "'+' follows another quantifier", 3),
    ("a{", "malformed repetition, expected {m}, {m,} or {m,n}", 1),
    ("a{x}", "malformed repetition, expected {m}, {m,} or {m,n}", 1),
    ("a{,3}", "malformed repetition, expected {m}, {m,} or {m,n}", 1),
    ("a{1,2", "malformed repetition, expected {m}, {m,} or {m,n}", 1),
    ("a{101}", "repetition count above 100", 2),
    ("a{1,101}", "repetition count above 100", 4),
    ("a{99999999999999999999}", "repetition count above 100", 2),
    ("a{3,2}", "repetition {3,2} has its minimum above its maximum", 1),
    ("(?=a)", "lookaround is not supported", 0),
    ("x(?!a)", "lookaround is not supported", 1),
    ("(?<=a)b", "lookaround is not supported", 0),
    ("(?<!a)b", "lookaround is not supported", 0),
    ("(?<name>a)", "named groups are not supported", 0),
    ("(?P<name>a)", "named groups are not supported", 0),
    ("(a)\\1", "backreferences are not supported", 3),
    ("\\k<x>", "backreferences are not supported", 0),
    ("ab\\", "pattern ends with '\\'", 2),
    ("\\q", "unknown escape '\\q'", 0),
    ("a\\b", "unknown escape '\\b'", 1),
    ("水\\利", "unknown escape '\\利'", 1),
    ("[\\u4e00-\\u9fa5]", "unknown escape '\\u', write the character itself", 1),
    ("a{100}{2}", "'{' follows another quantifier", 6),
    ("(a{100}){100}", "pattern too complex", 8),
    ("((a{100}){100}){2}", "pattern too complex", 9),
    ("x(a{50}){100}(a{50}){100}", "pattern too complex", 13),
    ("(a{50}){100}|(a{50}){100}", "pattern too complex", 12),
  ])
  func errors(pattern: String, message: String, offset: Int) {
    #expect(compileError(pattern) == PatternError(message: message, offset: offset))
  }

  @Test func limits() {
    #expect(compileError(String(repeating: "a", count: 1_000)) == nil)
    #expect(
      compileError(String(repeating: "a", count: 1_001))
        == PatternError(message: "pattern longer than 1000 characters", offset: 1_000))
    // 1,000 scalars of Chinese are fine; the limit counts scalars, not UTF-8 bytes.
    #expect(compileError(String(repeating: "水", count: 1_000)) == nil)
    #expect(compileError(String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)) == nil)
    #expect(
      compileError(String(repeating: "(", count: 33) + "a" + String(repeating: ")", count: 33))
        == PatternError(message: "groups nested deeper than 32", offset: 32))
    // Right at the size limit: 9,999 instructions plus the final match.
    #expect(compileError("(a{100}){99}(a{100})") == PatternError(message: "pattern too complex", offset: 12))
    #expect(compileError("(a{100}){99}(a{99})") == nil)
  }

  @Test func equality() throws {
    #expect(try Pattern("(a)") == Pattern("(?:a)"))
    #expect(try Pattern("a") != Pattern("b"))
    #expect(try Pattern("\u{e9}") != Pattern("e\u{301}"))
    #expect(try Set([Pattern("a|b"), Pattern("a|b"), Pattern("b|a")]).count == 2)
  }

  /// A backtracking matcher takes exponential time on each of these; the VM must finish promptly.
  @Test(arguments: [
    ("(a*)*b", false), ("(a|a)*b", false), ("(a+)+$", true), ("(.*a){20}", true), ("^(a+)+b", false),
    ("(a|aa)*c", false), ("^(a?){50}a{50}$", false), ("(x+x+)+y", false), ("((a*)*)*$", true),
  ])
  func pathologicalPatternsRunInLinearTime(pattern: String, expected: Bool) throws {
    let compiled = try Pattern(pattern)
    for length in [10_000, 50_000] {
      #expect(compiled.matches(String(repeating: "a", count: length)) == expected)
    }
  }

  @Test func pathologicalPatternsStillMatchWhenTheyShould() throws {
    #expect(try Pattern("(a*)*b").matches(String(repeating: "a", count: 20_000) + "b"))
    #expect(try Pattern("^(a?){50}a{50}$").matches(String(repeating: "a", count: 50)))
    #expect(try Pattern("(x+x+)+y").matches(String(repeating: "x", count: 20_000) + "y"))
  }

  /// Random small patterns over `a`, `b`, `.`, `*`, `^`, `$` against every short text, checked against the
  /// classic backtracking matcher (Kernighan & Pike), which is exact and fast at these sizes.
  @Test func agreesWithANaiveMatcher() throws {
    var random = SplitMix64(state: 2024)
    let atoms: [[Unicode.Scalar]] = [["a"], ["b"], ["."], ["a", "*"], ["b", "*"], [".", "*"]]
    var texts: [[Unicode.Scalar]] = [[]]
    var layer = texts
    for _ in 0..<5 {
      layer = layer.flatMap { [$0 + ["a"], $0 + ["b"]] }
      texts += layer
    }
    for _ in 0..<300 {
      var pattern: [Unicode.Scalar] = random.next() % 3 == 0 ? ["^"] : []
      for _ in 0..<(random.next() % 5) { pattern += atoms[Int(random.next() % UInt64(atoms.count))] }
      if random.next() % 3 == 0 { pattern.append("$") }
      let source = String(String.UnicodeScalarView(pattern))
      let compiled = try Pattern(source)
      for text in texts {
        let string = String(String.UnicodeScalarView(text))
        #expect(compiled.matches(string) == naiveMatch(pattern, text), "\(source) on \(string)")
      }
    }
  }
}

private func naiveMatch(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
  if pattern.first == "^" { return matchHere(pattern.dropFirst(), text[...]) }
  var rest = text[...]
  while true {
    if matchHere(pattern[...], rest) { return true }
    if rest.isEmpty { return false }
    rest = rest.dropFirst()
  }
}

private func matchHere(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
  guard let first = pattern.first else { return true }
  let rest = pattern.dropFirst()
  if rest.first == "*" {
    var text = text
    while true {
      if matchHere(rest.dropFirst(), text) { return true }
      guard let next = text.first, first == "." || next == first else { return false }
      text = text.dropFirst()
    }
  }
  if first == "$" && rest.isEmpty { return text.isEmpty }
  guard let next = text.first, first == "." || next == first else { return false }
  return matchHere(rest, text.dropFirst())
}

