/// A compiled restricted regular expression, matched in time linear in the input (Thompson NFA simulation /
/// Pike VM without captures; no backtracking).
///
/// Patterns are written by pack authors and run against untrusted text, so no pattern may hang evaluation.
/// Everything that needs backtracking (captures, backreferences, lookaround) is rejected when compiling, and
/// counted repetition is bounded so the program stays small: matching costs at most O(text × program), and the
/// program never exceeds `maxProgramSize` instructions.
///
/// Syntax: literals, `.`, classes `[a-z]` `[^…]`, escapes `\d \w \s \D \W \S \n \r \t \uXXXX` and escaped ASCII
/// punctuation, quantifiers `* + ? {m} {m,} {m,n}` (a trailing lazy `?` is accepted: it cannot change whether
/// text matches), `|`, groups `(…)` `(?:…)` (neither captures), and anchors `^` `$` (start and end of the
/// whole text: there is no multi-line mode). Matching works on Unicode scalars; `.` matches any scalar.
public struct Pattern: Sendable, Hashable {
  static let maxSourceLength = 1_000
  static let maxProgramSize = 10_000
  static let maxDepth = 32
  static let maxCount = 100

  /// Equality is on the compiled program, not the source: `(a)` and `(?:a)` behave identically, while
  /// canonically-equivalent `String`s such as "é" and "e\u{301}" do not, since matching is per scalar.
  let program: [Instruction]

  public init(_ source: String) throws(PatternError) {
    var parser = PatternParser(scalars: Array(source.unicodeScalars))
    program = try parser.parseProgram()
  }

  /// True when the pattern matches somewhere in `text` (search semantics; anchor with ^ and $).
  public func matches(_ text: String) -> Bool {
    let text = Array(text.unicodeScalars)
    var current = ThreadList(capacity: program.count)
    var next = current
    var stack: [Int] = []
    for position in 0...text.count {
      // Seeding a thread at every position gives search semantics without a `.*` prefix.
      if follow(0, into: &current, at: position, length: text.count, stack: &stack) { return true }
      guard position < text.count else { break }
      let scalar = text[position]
      next.removeAll()
      for index in 0..<current.count {
        let pc = current.dense[index]
        let advances: Bool
        switch program[pc] {
        case .scalar(let expected): advances = scalar == expected
        case .set(let set): advances = set.contains(scalar)
        default: advances = false
        }
        if advances, follow(pc + 1, into: &next, at: position + 1, length: text.count, stack: &stack) { return true }
      }
      swap(&current, &next)
    }
    return false
  }

  /// Adds `pc` and everything reachable from it without consuming input. Each instruction enters a list at
  /// most once per position, which is what makes `(a*)*` terminate and bounds the work per scalar.
  private func follow(_ start: Int, into list: inout ThreadList, at position: Int, length: Int, stack: inout [Int])
    -> Bool
  {
    stack.append(start)
    while let pc = stack.popLast() {
      guard list.insert(pc) else { continue }
      switch program[pc] {
      case .match: stack.removeAll(); return true
      case .jump(let offset): stack.append(pc + offset)
      case .split(let first, let second):
        stack.append(pc + second)
        stack.append(pc + first)
      case .textStart: if position == 0 { stack.append(pc + 1) }
      case .textEnd: if position == length { stack.append(pc + 1) }
      case .scalar, .set: break
      }
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

/// One VM instruction. Jump targets are relative, so a fragment can be copied for `{m,n}` without relocation.
enum Instruction: Hashable, Sendable {
  case scalar(Unicode.Scalar)
  case set(ScalarSet)
  case textStart, textEnd
  case split(Int, Int)
  case jump(Int)
  case match
}

/// A set of scalars as sorted, disjoint, non-adjacent ranges: negation and membership stay cheap even for
/// huge ranges such as `[一-龥]` or `[^a]`.
struct ScalarSet: Hashable, Sendable {
  private(set) var ranges: [ClosedRange<UInt32>] = []

  init(_ unsorted: [ClosedRange<UInt32>]) {
    for range in unsorted.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
        ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        ranges.append(range)
      }
    }
  }

  init(_ scalar: Unicode.Scalar) { ranges = [scalar.value...scalar.value] }

  static let all = ScalarSet([0...0x10FFFF])
  static let digits = ScalarSet([0x30...0x39])
  static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
  /// Unicode White_Space, not just ASCII, so the ideographic space U+3000 in Chinese text counts.
  static let space = ScalarSet([
    0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
    0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
  ])

  var inverted: ScalarSet {
    var gaps: [ClosedRange<UInt32>] = []
    var next: UInt32 = 0
    for range in ranges {
      if range.lowerBound > next { gaps.append(next...(range.lowerBound - 1)) }
      next = range.upperBound + 1
    }
    if next <= 0x10FFFF { gaps.append(next...0x10FFFF) }
    return ScalarSet(gaps)
  }

  /// The only member, if there is exactly one: such a set compiles to a plain `.scalar` and may end a range.
  var single: Unicode.Scalar? {
    guard ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound else { return nil }
    return Unicode.Scalar(ranges[0].lowerBound)
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound < scalar.value { low = middle + 1 } else { high = middle }
    }
    return low < ranges.count && ranges[low].lowerBound <= scalar.value
  }

  var instruction: Instruction { single.map { .scalar($0) } ?? .set(self) }
}

/// A sparse set of program counters (Briggs–Torczon): O(1) insert, membership and clear, in insertion order.
private struct ThreadList {
  var dense: [Int]
  var sparse: [Int]
  var count = 0

  init(capacity: Int) {
    dense = Array(repeating: 0, count: capacity)
    sparse = dense
  }

  mutating func insert(_ pc: Int) -> Bool {
    let index = sparse[pc]
    if index < count && dense[index] == pc { return false }
    sparse[pc] = count
    dense[count] = pc
    count += 1
    return true
  }

  mutating func removeAll() { count = 0 }
}

/// Recursive descent that emits program fragments directly, so the size limit is enforced while building and
/// an explosive repetition is reported at its own quantifier before anything is allocated.
private struct PatternParser {
  let scalars: [Unicode.Scalar]
  var position = 0
  var depth = 0
  /// One instruction is reserved for the final `.match`.
  let budget = Pattern.maxProgramSize - 1

  var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  mutating func parseProgram() throws(PatternError) -> [Instruction] {
    let limit = Pattern.maxSourceLength
    guard scalars.count <= limit else { throw PatternError(message: "pattern longer than \(limit) characters", offset: limit) }
    let body = try parseAlternation()
    // Alternation stops only at the end or at a ')' that no group opened.
    guard position == scalars.count else { throw PatternError(message: "unbalanced ')'", offset: position) }
    return body + [.match]
  }

  mutating func parseAlternation() throws(PatternError) -> [Instruction] {
    var branches = [try parseConcatenation()]
    var size = branches[0].count
    while peek == "|" {
      let bar = position
      position += 1
      branches.append(try parseConcatenation())
      size += branches[branches.count - 1].count + 2
      guard size <= budget else { throw tooComplex(at: bar) }
    }
    var result = branches.removeLast()
    for branch in branches.reversed() {
      result = [.split(1, branch.count + 2)] + branch + [.jump(result.count + 1)] + result
    }
    return result
  }

  mutating func parseConcatenation() throws(PatternError) -> [Instruction] {
    var result: [Instruction] = []
    while let scalar = peek, scalar != "|", scalar != ")" {
      let start = position
      let piece = try parseQuantified(try parseAtom())
      guard result.count + piece.count <= budget else { throw tooComplex(at: start) }
      result += piece
    }
    return result
  }

  mutating func parseAtom() throws(PatternError) -> [Instruction] {
    let start = position
    let scalar = scalars[position]
    position += 1
    switch scalar {
    case "(": return try parseGroup(openedAt: start)
    case "[": return [try parseClass(openedAt: start).instruction]
    case ".": return [.set(.all)]
    case "^": return [.textStart]
    case "$": return [.textEnd]
    case "\\": return [try parseEscape(at: start).instruction]
    case "*", "+", "?", "{": throw PatternError(message: "'\(scalar)' has nothing to repeat", offset: start)
    default: return [.scalar(scalar)]
    }
  }

  mutating func parseGroup(openedAt start: Int) throws(PatternError) -> [Instruction] {
    if peek == "?" {
      let kind = String(String.UnicodeScalarView(scalars.dropFirst(position + 1).prefix(2)))
      if kind.hasPrefix(":") {
        position += 2
      } else if kind.hasPrefix("=") || kind.hasPrefix("!") || kind == "<=" || kind == "<!" {
        throw PatternError(message: "lookaround is not supported", offset: start)
      } else if kind.hasPrefix("<") || kind.hasPrefix("P") || kind.hasPrefix("'") {
        throw PatternError(message: "named groups are not supported", offset: start)
      } else {
        throw PatternError(message: "unsupported group syntax '(?\(kind.prefix(1))'", offset: start)
      }
    }
    guard depth < Pattern.maxDepth else {
      throw PatternError(message: "groups nested deeper than \(Pattern.maxDepth)", offset: start)
    }
    depth += 1
    defer { depth -= 1 }
    let body = try parseAlternation()
    guard peek == ")" else { throw PatternError(message: "missing ')'", offset: start) }
    position += 1
    return body
  }

  mutating func parseClass(openedAt start: Int) throws(PatternError) -> ScalarSet {
    let negated = peek == "^"
    if negated { position += 1 }
    var ranges: [ClosedRange<UInt32>] = []
    while peek != "]" {
      guard position < scalars.count else { throw PatternError(message: "missing ']'", offset: start) }
      let lowStart = position
      let low = try parseClassItem()
      guard peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" else {
        ranges += low.ranges
        continue
      }
      position += 1
      let highStart = position
      let high = try parseClassItem()
      guard let first = low.single, let last = high.single else {
        throw PatternError(message: "a class escape cannot be a range bound", offset: low.single == nil ? lowStart : highStart)
      }
      guard first <= last else { throw PatternError(message: "invalid range '\(first)-\(last)'", offset: lowStart) }
      ranges.append(first.value...last.value)
    }
    guard !ranges.isEmpty else { throw PatternError(message: "empty character class", offset: start) }
    position += 1
    let set = ScalarSet(ranges)
    return negated ? set.inverted : set
  }

  mutating func parseClassItem() throws(PatternError) -> ScalarSet {
    let start = position
    let scalar = scalars[position]
    position += 1
    switch scalar {
    case "\\": return try parseEscape(at: start)
    // Rejected rather than taken literally, so POSIX `[[:alpha:]]` is not silently misread.
    case "[": throw PatternError(message: "unescaped '[' in a character class", offset: start)
    default: return ScalarSet(scalar)
    }
  }

  /// Parses what follows the backslash at `start`. Only ASCII punctuation escapes to itself, so letters and
  /// digits stay free for meanings other engines give them instead of silently matching literally.
  mutating func parseEscape(at start: Int) throws(PatternError) -> ScalarSet {
    guard let scalar = peek else { throw PatternError(message: "pattern ends with '\\'", offset: start) }
    position += 1
    switch scalar {
    case "d": return .digits
    case "D": return ScalarSet.digits.inverted
    case "w": return .word
    case "W": return ScalarSet.word.inverted
    case "s": return .space
    case "S": return ScalarSet.space.inverted
    case "n": return ScalarSet("\n")
    case "r": return ScalarSet("\r")
    case "t": return ScalarSet("\t")
    case "u":
      let digits = String(String.UnicodeScalarView(scalars.dropFirst(position).prefix(4)))
      guard digits.count == 4, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
        throw PatternError(message: "'\\u' needs exactly 4 hex digits", offset: start)
      }
      guard let decoded = Unicode.Scalar(value) else {
        throw PatternError(message: "'\\u\(digits)' is not a Unicode scalar", offset: start)
      }
      position += 4
      return ScalarSet(decoded)
    case "1"..."9", "k": throw PatternError(message: "backreferences are not supported", offset: start)
    case "!"..."/", ":"..."@", "["..."`", "{"..."~": return ScalarSet(scalar)
    default: throw PatternError(message: "unknown escape '\\\(scalar)'", offset: start)
    }
  }

  /// Parses an optional quantifier after `atom` and expands it into copies of the fragment.
  mutating func parseQuantified(_ atom: [Instruction]) throws(PatternError) -> [Instruction] {
    let start = position
    let low: Int
    let high: Int?
    switch peek {
    case "*": (low, high) = (0, nil); position += 1
    case "+": (low, high) = (1, nil); position += 1
    case "?": (low, high) = (0, 1); position += 1
    case "{": (low, high) = try parseBraces()
    default: return atom
    }
    if peek == "?" { position += 1 }
    if let next = peek, "*+?{".unicodeScalars.contains(next) {
      throw PatternError(message: "'\(next)' follows another quantifier", offset: position)
    }
    let size = atom.count * low + (high.map { ($0 - low) * (atom.count + 1) } ?? 2)
    guard size <= budget else { throw tooComplex(at: start) }
    var result: [Instruction] = []
    for _ in 0..<(high == nil ? max(low - 1, 0) : low) { result += atom }
    if let high {
      for _ in low..<high { result += [.split(1, atom.count + 1)] + atom }
    } else if low == 0 {
      result += [.split(1, atom.count + 2)] + atom + [.jump(-(atom.count + 1))]
    } else {
      result += atom + [.split(-atom.count, 1)]
    }
    return result
  }

  mutating func parseBraces() throws(PatternError) -> (Int, Int?) {
    let open = position
    position += 1
    let malformed = PatternError(message: "malformed repetition, expected {m}, {m,} or {m,n}", offset: open)
    guard let low = try parseCount() else { throw malformed }
    var high: Int? = low
    if peek == "," {
      position += 1
      high = try parseCount()
    }
    guard peek == "}" else { throw malformed }
    position += 1
    if let high, high < low {
      throw PatternError(message: "repetition {\(low),\(high)} has its minimum above its maximum", offset: open)
    }
    return (low, high)
  }

  mutating func parseCount() throws(PatternError) -> Int? {
    let start = position
    var value = 0
    while let scalar = peek, ("0"..."9").contains(scalar) {
      value = min(value * 10 + Int(scalar.value - 0x30), 1_000_000)  // capped: only "too big" matters
      position += 1
    }
    guard position > start else { return nil }
    guard value <= Pattern.maxCount else {
      throw PatternError(message: "repetition count above \(Pattern.maxCount)", offset: start)
    }
    return value
  }

  func tooComplex(at offset: Int) -> PatternError { PatternError(message: "pattern too complex", offset: offset) }
}
