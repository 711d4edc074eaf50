import ComplyModel

/// Functions that ask whether a value is there: the only ones that see blanks and unknowns as they are.
enum PresenceFunctions {
  static let all: [Builtin] = [
    Builtin(
      "is_set", arity: 1...1, strict: false, signature: anyToBool,
      implementation: .unary { value in
        switch value {
        case .null: .bool(false)
        case .unknown: value
        default: .bool(true)
        }
      },
      explain: { args, result in describe(args[0], result, set: true) }, cell: .isSet),
    Builtin(
      "is_empty", arity: 1...1, strict: false, signature: anyToBool,
      implementation: .unary { value in
        switch value {
        case .null: .bool(true)
        case .unknown: value
        default: .bool(false)
        }
      },
      explain: { args, result in describe(args[0], result, set: false) }, cell: .isEmpty),
    Builtin(
      "is_known", arity: 1...1, strict: false, signature: anyToBool,
      implementation: .unary { value in
        switch value {
        case .null, .unknown: .bool(false)
        default: .bool(true)
        }
      },
      explain: { args, result in describe(args[0], result, set: true) }, cell: .isKnown),
    Builtin(
      "coalesce", arity: 1...64, strict: false, signature: Signatures.same([.any], result: nil),
      implementation: .lazy { count, argument in
        for i in 0..<count {
          let value = argument(i)
          if case .null = value { continue }
          return value
        }
        return .null
      }, cell: .coalesce),
    Builtin(
      "if", arity: 3...3, strict: false,
      signature: { types in
        guard types[0].fits(.bool) else { return .mismatch(argument: 0, message: "expected bool, found \(types[0])") }
        guard types[1].fits(types[2]) else {
          return .mismatch(argument: 2, message: "both branches must have one type: \(types[1]) and \(types[2])")
        }
        return .returns(types[1].unified(with: types[2]))
      },
      implementation: .lazy { _, argument in
        switch argument(0) {
        case .bool(true): argument(1)
        case .bool(false): argument(2)
        case .unknown(let fields): .unknown(fields)
        default: .unknownValue
        }
      }, cell: .choose),
  ]

  static let anyToBool: @Sendable ([ExprType]) -> Builtin.Signature = { _ in .returns(.bool) }

  /// The argument as described already says "not set" (`环评批复日期（未填写）`) or shows its value.
  static func describe(_ argument: LocalizedText, _ result: Value, set: Bool) -> LocalizedText { argument }
}
