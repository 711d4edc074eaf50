/// A compiled restricted regular expression, matched in time linear in the input (Thompson NFA simulation /
/// Pike VM without captures; no backtracking).
///
/// Patterns are written by pack authors and run against untrusted text, so no pattern may hang evaluation.
/// Everything that needs backtracking (captures, backreferences, lookaround) is rejected when compiling, and
/// counted repetition is bounded so the program stays small: matching costs at most O(text × program).
///
/// Syntax: literals, `.` (any scalar), classes `[a-z]` `[^…]`, escapes `\d \w \s \D \W \S \n \r \t` and
/// escaped ASCII punctuation, quantifiers `* + ? {m} {m,} {m,n}` (a lazy `?` after one is accepted: it cannot
/// change whether text matches), `|`, groups `(…)` `(?:…)` (neither captures), anchors `^` `$` (start and end
/// of the whole text: there is no multi-line mode). Matching works on Unicode scalars.
public struct Pattern: Sendable, Hashable {
  /// Bounds on compile time and memory, and through the program size on the work per scalar of text.
  static let maxSourceLength = 1_000, maxProgramSize = 10_000, maxDepth = 32, maxCount = 100
  /// Equality is on the compiled program, not the source: `(a)` and `(?:a)` behave identically, while
  /// canonically-equivalent `String`s such as "é" and "e\u{301}" do not, since matching is per scalar.
  let program: [Instruction]

  public init(_ source: String) throws(PatternError) {
    var compiler = Compiler(scalars: Array(source.unicodeScalars))
    program = try compiler.compileProgram()
  }

  /// True when the pattern matches somewhere in `text` (search semantics; anchor with ^ and $).
  public func matches(_ text: String) -> Bool {
    let text = Array(text.unicodeScalars)
    // `visited[pc] == position` once an instruction was reached at this position: each is handled at most once
    // per scalar, which bounds the work and makes empty loops such as `(a*)*` terminate.
    var visited = [Int](repeating: -1, count: program.count)
    var current: [Int] = [], next: [Int] = [], stack: [Int] = []
    /// Walks everything reachable from `start` without consuming input, collecting the consuming instructions.
    func follow(_ start: Int, at position: Int, into list: inout [Int]) -> Bool {
      stack.append(start)
      while let pc = stack.popLast() {
        guard visited[pc] != position else { continue }
        visited[pc] = position
        switch program[pc] {
        case .match: return true  // `matches` returns at once, so the abandoned stack needs no cleanup
        case .jump(let offset): stack.append(pc + offset)
        case .split(let first, let second): stack += [pc + second, pc + first]
        case .textStart: if position == 0 { stack.append(pc + 1) }
        case .textEnd: if position == text.count { stack.append(pc + 1) }
        case .scalar, .set: list.append(pc)
        }
      }
      return false
    }

    for position in 0...text.count {
      // Seeding a thread at every position gives search semantics without a `.*` prefix.
      if follow(0, at: position, into: &current) { return true }
      guard position < text.count else { break }
      for pc in current {
        let advances =
          switch program[pc] {
          case .scalar(let expected): text[position] == expected
          case .set(let set): set.contains(text[position])
          default: false
          }
        if advances, follow(pc + 1, at: position + 1, into: &next) { return true }
      }
      swap(&current, &next)
      next.removeAll(keepingCapacity: true)
    }
    return false
  }
}

/// A compile error, located so the editor can underline the offending part of the pattern.
public struct PatternError: Error, Hashable, Sendable {
  /// One line, English, no final period, e.g. "unbalanced ')'".
  public var message: String
  /// 0-based offset in the pattern, in Unicode scalars, where the mistake is.
  public var offset: Int
}

extension Pattern {
  /// One VM instruction. Jumps are relative, so `{m,n}` can copy a fragment without relocating it.
  enum Instruction: Hashable, Sendable {
    case scalar(Unicode.Scalar), set(ScalarSet), textStart, textEnd, split(Int, Int), jump(Int), match
  }

  /// Scalars as sorted, disjoint, non-adjacent ranges: negation and membership stay cheap even for huge
  /// ranges such as `[一-龥]` or `[^a]`.
  struct ScalarSet: Hashable, Sendable {
    private(set) var ranges: [ClosedRange<UInt32>] = []
    init(_ unsorted: [ClosedRange<UInt32>]) {
      for range in unsorted.sorted(by: { $0.lowerBound < $1.lowerBound }) {
        guard let last = ranges.last, range.lowerBound <= last.upperBound + 1 else { ranges.append(range); continue }
        ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      }
    }
    init(_ scalar: Unicode.Scalar) { ranges = [scalar.value...scalar.value] }

    static let all = ScalarSet([0...0x10FFFF])
    static let digit = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// Unicode White_Space rather than ASCII only, so the ideographic space U+3000 in Chinese text counts.
    static let space = ScalarSet([
      0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
      0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000])

    var inverted: ScalarSet {
      var (gaps, next): ([ClosedRange<UInt32>], UInt32) = ([], 0)
      for range in ranges {
        if range.lowerBound > next { gaps.append(next...(range.lowerBound - 1)) }
        next = range.upperBound + 1
      }
      if next <= 0x10FFFF { gaps.append(next...0x10FFFF) }
      return ScalarSet(gaps)
    }

    /// The only member, if there is exactly one: such a set compiles to a plain `.scalar` and may bound a range.
    var single: Unicode.Scalar? { ranges.map(\.count) == [1] ? Unicode.Scalar(ranges[0].lowerBound) : nil }
    var instruction: Instruction { single.map { .scalar($0) } ?? .set(self) }

    /// A linear scan: classes hold a handful of ranges, and even hundreds keep matching linear in the text.
    func contains(_ scalar: Unicode.Scalar) -> Bool { ranges.contains { $0.contains(scalar.value) } }
  }

  /// Recursive descent that emits program fragments directly, so the size limit is enforced while building and
  /// an explosive repetition is reported at its own quantifier before anything is allocated.
  fileprivate struct Compiler {
    let scalars: [Unicode.Scalar]
    var position = 0, depth = 0
    let budget = Pattern.maxProgramSize - 1  // one instruction is kept for the final `.match`
    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func compileProgram() throws(PatternError) -> [Instruction] {
      let limit = Pattern.maxSourceLength
      guard scalars.count <= limit else { throw error("pattern longer than \(limit) characters", at: limit) }
      let body = try alternation()
      guard position == scalars.count else { throw error("unbalanced ')'", at: position) }  // only ')' stops early
      return body + [.match]
    }

    mutating func alternation() throws(PatternError) -> [Instruction] {
      var branches = [try concatenation()]
      var size = branches[0].count
      while peek == "|" {
        let bar = position
        position += 1
        branches.append(try concatenation())
        size += branches[branches.count - 1].count + 2
        guard size <= budget else { throw error("pattern too complex", at: bar) }
      }
      return branches.dropLast().reversed().reduce(branches[branches.count - 1]) { rest, branch in
        [.split(1, branch.count + 2)] + branch + [.jump(rest.count + 1)] + rest
      }
    }

    mutating func concatenation() throws(PatternError) -> [Instruction] {
      var result: [Instruction] = []
      while let scalar = peek, scalar != "|", scalar != ")" {
        let start = position
        let piece = try quantified(try atom())
        guard result.count + piece.count <= budget else { throw error("pattern too complex", at: start) }
        result += piece
      }
      return result
    }

    mutating func atom() throws(PatternError) -> [Instruction] {
      let (start, scalar) = (position, scalars[position])
      position += 1
      switch scalar {
      case "(": return try group(openedAt: start)
      case "[": return [try characterClass(openedAt: start).instruction]
      case ".": return [.set(.all)]
      case "^": return [.textStart]
      case "$": return [.textEnd]
      case "\\": return [try escape(at: start).instruction]
      case "*", "+", "?", "{": throw error("'\(scalar)' has nothing to repeat", at: start)
      default: return [.scalar(scalar)]
      }
    }

    mutating func group(openedAt start: Int) throws(PatternError) -> [Instruction] {
      if peek == "?" {
        let kind = String(String.UnicodeScalarView(scalars.dropFirst(position + 1).prefix(2)))
        guard kind.hasPrefix(":") else {
          throw error(
            ["=", "!", "<=", "<!"].contains(where: kind.hasPrefix) ? "lookaround is not supported"
              : ["<", "P", "'"].contains(where: kind.hasPrefix) ? "named groups are not supported"
              : "unsupported group syntax '(?\(kind.prefix(1))'", at: start)
        }
        position += 2
      }
      guard depth < Pattern.maxDepth else { throw error("groups nested deeper than \(Pattern.maxDepth)", at: start) }
      depth += 1
      defer { depth -= 1 }
      let body = try alternation()
      guard peek == ")" else { throw error("missing ')'", at: start) }
      position += 1
      return body
    }

    mutating func characterClass(openedAt start: Int) throws(PatternError) -> ScalarSet {
      let negated = peek == "^"
      if negated { position += 1 }
      var ranges: [ClosedRange<UInt32>] = []
      while peek != "]" {
        guard position < scalars.count else { throw error("missing ']'", at: start) }
        let lowStart = position
        let low = try classItem()
        guard peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" else {
          ranges += low.ranges
          continue
        }
        position += 1
        let highStart = position
        let high = try classItem()
        guard let first = low.single, let last = high.single else {
          throw error("a class escape cannot be a range bound", at: low.single == nil ? lowStart : highStart)
        }
        guard first <= last else { throw error("invalid range '\(first)-\(last)'", at: lowStart) }
        ranges.append(first.value...last.value)
      }
      guard !ranges.isEmpty else { throw error("empty character class", at: start) }
      position += 1
      return negated ? ScalarSet(ranges).inverted : ScalarSet(ranges)
    }

    /// One class member. `[` is rejected rather than taken literally, so POSIX `[[:alpha:]]` is not misread.
    mutating func classItem() throws(PatternError) -> ScalarSet {
      let (start, scalar) = (position, scalars[position])
      position += 1
      if scalar == "[" { throw error("unescaped '[' in a character class", at: start) }
      return scalar == "\\" ? try escape(at: start) : ScalarSet(scalar)
    }

    /// Parses what follows the backslash at `start`. Only ASCII punctuation escapes to itself, so a letter or
    /// digit that means something in other engines (`\b`, `\1`) is an error instead of a silent literal.
    mutating func escape(at start: Int) throws(PatternError) -> ScalarSet {
      guard let scalar = peek else { throw error("pattern ends with '\\'", at: start) }
      position += 1
      switch scalar {
      case "d", "D": return scalar == "d" ? .digit : ScalarSet.digit.inverted
      case "w", "W": return scalar == "w" ? .word : ScalarSet.word.inverted
      case "s", "S": return scalar == "s" ? .space : ScalarSet.space.inverted
      case "n", "r", "t": return ScalarSet(scalar == "n" ? "\n" : scalar == "r" ? "\r" : "\t")
      case "u", "x": throw error("unknown escape '\\\(scalar)', write the character itself", at: start)
      case "1"..."9", "k": throw error("backreferences are not supported", at: start)
      case "!"..."/", ":"..."@", "["..."`", "{"..."~": return ScalarSet(scalar)
      default: throw error("unknown escape '\\\(scalar)'", at: start)
      }
    }

    /// Parses an optional quantifier after `atom` and expands it into copies of the fragment.
    mutating func quantified(_ atom: [Instruction]) throws(PatternError) -> [Instruction] {
      let start = position
      let simple: [Unicode.Scalar: (low: Int, high: Int?)] = ["*": (0, nil), "+": (1, nil), "?": (0, 1)]
      guard let bounds = try peek == "{" ? braces() : peek.flatMap({ simple[$0] }) else { return atom }
      position += 1  // past the quantifier, or the '}' that `braces` stops on
      if peek == "?" { position += 1 }
      if let next = peek, "*+?{".unicodeScalars.contains(next) {
        throw error("'\(next)' follows another quantifier", at: position)
      }
      let (low, count) = (bounds.low, atom.count)
      let size = count * low + (bounds.high.map { ($0 - low) * (count + 1) } ?? 2)
      guard size <= budget else { throw error("pattern too complex", at: start) }
      var result = Array([[Instruction]](repeating: atom, count: bounds.high == nil ? max(low - 1, 0) : low).joined())
      if let high = bounds.high {
        for _ in low..<high { result += [.split(1, count + 1)] + atom }
      } else if low == 0 {
        result += [.split(1, count + 2)] + atom + [.jump(-(count + 1))]
      } else {
        result += atom + [.split(-count, 1)]
      }
      return result
    }

    mutating func braces() throws(PatternError) -> (low: Int, high: Int?) {
      let open = position
      position += 1
      let low = try count()
      let comma = peek == ","
      if comma { position += 1 }
      let high = comma ? try count() : low
      guard let low, peek == "}" else { throw error("malformed repetition, expected {m}, {m,} or {m,n}", at: open) }
      if let high, high < low { throw error("repetition {\(low),\(high)} has its minimum above its maximum", at: open) }
      return (low, high)
    }

    mutating func count() throws(PatternError) -> Int? {
      let start = position
      var value = 0
      while let scalar = peek, ("0"..."9").contains(scalar) {
        value = min(value * 10 + Int(scalar.value - 0x30), 1_000_000)  // capped: only "too big" matters
        position += 1
      }
      guard position > start else { return nil }
      guard value <= Pattern.maxCount else { throw error("repetition count above \(Pattern.maxCount)", at: start) }
      return value
    }

    func error(_ message: String, at offset: Int) -> PatternError { PatternError(message: message, offset: offset) }
  }
}
