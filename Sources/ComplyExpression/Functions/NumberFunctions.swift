import ComplyModel

/// Numeric helpers for penalties and thresholds.
enum NumberFunctions {
  static let all: [Builtin] = [
    Builtin(
      "min", arity: 2...16, signature: Signatures.same([.number, .date], result: nil),
      implementation: .variadic { values in values.dropFirst().reduce(values[0]) { Operators.less($1, $0) == true ? $1 : $0 } }),
    Builtin(
      "max", arity: 2...16, signature: Signatures.same([.number, .date], result: nil),
      implementation: .variadic { values in values.dropFirst().reduce(values[0]) { Operators.less($0, $1) == true ? $1 : $0 } }),
    number("abs") { abs($0) },
    // Half away from zero, after clearing binary noise below a millionth (1234.565 × 100 is 123456.49999…).
    number("round") { (($0 * 1_000_000).rounded() / 1_000_000).rounded(.toNearestOrAwayFromZero) },
  ]

  static func number(_ name: String, _ apply: @escaping @Sendable (Double) -> Double) -> Builtin {
    Builtin(
      name, arity: 1...1, signature: Signatures.fixed([.number], .number),
      implementation: .unary { value in
        guard case .number(let x) = value else { return .unknownValue }
        return .number(apply(x))
      })
  }
}
