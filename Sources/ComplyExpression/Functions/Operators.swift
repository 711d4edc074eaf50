import ComplyModel

/// Comparisons, `in` and arithmetic. Dates compare as intervals, so a month-only date may leave a comparison
/// unknown (DOMAIN §3).
enum Operators {
  static let all: [Builtin] = [
    comparison("<", .less) { a, b in less(a, b) },
    comparison(">", .greater) { a, b in less(b, a) },
    comparison("<=", .lessOrEqual) { a, b in less(b, a).map { !$0 } },
    comparison(">=", .greaterOrEqual) { a, b in less(a, b).map { !$0 } },
    equality("=", .equal) { a, b in equal(a, b) },
    equality("!=", .notEqual) { a, b in equal(a, b).map { !$0 } },
    Builtin(
      "in", arity: 2...2,
      signature: { types in
        guard case .list(let item) = types[1] else {
          return types[1] == .any ? .returns(.bool) : .mismatch(argument: 1, message: "expected a list, found \(types[1])")
        }
        return types[0].fits(item)
          ? .returns(.bool) : .mismatch(argument: 0, message: "cannot look for \(types[0]) in a list of \(item)")
      },
      implementation: .binary { needle, list in member(needle, list) },
      specialize: { constants in
        // `eia_category in ["报告书", "报告表"]`, the commonest test of all: compared as bytes.
        guard case .list(let items)?? = constants.dropFirst().first else { return .success(.binary(member)) }
        let texts = items.compactMap { item -> [UInt8]? in
          guard case .text(let t) = item, plainText(t) else { return nil }
          return Array(t.utf8)
        }
        guard texts.count == items.count else { return .success(.binary(member)) }
        return .success(
          .binary { needle, list in
            guard case .text(let t) = needle, plainText(t) else { return member(needle, list) }
            return .bool(t.utf8.withContiguousStorageIfAvailable { bytes in texts.contains { $0.elementsEqual(bytes) } }
              ?? texts.contains { $0.elementsEqual(t.utf8) })
          })
      }, cell: .member),
    arithmetic("+", .add, +),
    arithmetic("-", .subtract, -),
    arithmetic("*", .multiply, *),
    Builtin(
      "/", arity: 2...2, signature: Signatures.fixed([.number, .number], .number),
      implementation: .binary { a, b in
        guard case .number(let x) = a, case .number(let y) = b, y != 0 else { return .unknownValue }
        return .number(x / y)
      }, cell: .divide),
    Builtin(
      "-x", arity: 1...1, signature: Signatures.fixed([.number], .number),
      implementation: .unary { a in
        guard case .number(let x) = a else { return .unknownValue }
        return .number(-x)
      }, cell: .negate),
  ]

  static func comparison(
    _ symbol: String, _ cell: CellOperation, _ decide: @escaping @Sendable (Value, Value) -> Bool?
  ) -> Builtin {
    Builtin(
      symbol, arity: 2...2, signature: Signatures.same([.number, .date, .text], result: .bool),
      implementation: .binary { a, b in Value.truth(decide(a, b)) }, cell: cell)
  }

  static func equality(
    _ symbol: String, _ cell: CellOperation, _ decide: @escaping @Sendable (Value, Value) -> Bool?
  ) -> Builtin {
    Builtin(
      symbol, arity: 2...2, signature: Signatures.same([.number, .date, .text, .bool], result: .bool),
      implementation: .binary { a, b in Value.truth(decide(a, b)) }, cell: cell)
  }

  static func arithmetic(
    _ symbol: String, _ cell: CellOperation, _ op: @escaping @Sendable (Double, Double) -> Double
  ) -> Builtin {
    Builtin(
      symbol, arity: 2...2, signature: Signatures.fixed([.number, .number], .number),
      implementation: .binary { a, b in
        guard case .number(let x) = a, case .number(let y) = b else { return .unknownValue }
        return .number(op(x, y))
      }, cell: cell)
  }

  static func member(_ needle: Value, _ list: Value) -> Value {
    guard case .list(let items) = list else { return .unknownValue }
    var sawUnknown = false
    for item in items {
      switch equal(needle, item) {
      case true?: return .bool(true)
      case nil: sawUnknown = true
      case false?: continue
      }
    }
    return sawUnknown ? .unknownValue : .bool(false)
  }

  /// Text made only of ASCII and CJK ideographs, for which byte equality is Unicode equality (no other
  /// spelling of the same text exists), so `==`'s normalization can be skipped.
  static func plainText(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          i += 1
        } else if b >= 0xE4 && b <= 0xE9 {
          i += 3
        } else {
          return false
        }
      }
      return true
    } ?? false
  }

  /// `a < b`, three-valued; nil when undecidable or the operands cannot be compared.
  static func less(_ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case let (.number(x), .number(y)): x < y
    case let (.date(x), .date(y)): x.isBefore(y)
    case let (.text(x), .text(y)): x < y
    default: nil
    }
  }

  /// String equality without Unicode normalization when neither side needs it (ASCII and CJK ideographs, as
  /// enum values and most register text are): Swift's `==` normalizes any non-ASCII string it compares.
  @inline(__always)
  static func sameText(_ x: String, _ y: String) -> Bool {
    if x.utf8.elementsEqual(y.utf8) { return true }
    if TextNormalization.isNFKCStable(x) && TextNormalization.isNFKCStable(y) { return false }
    return x == y
  }

  static func equal(_ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case let (.number(x), .number(y)): x == y
    case let (.date(x), .date(y)): x.isSameDay(as: y)
    case let (.text(x), .text(y)): x == y
    case let (.bool(x), .bool(y)): x == y
    default: nil
    }
  }
}
