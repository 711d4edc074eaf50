import ComplyModel

/// Text tests and transformations. `matches` takes a restricted pattern, compiled when the pack loads and run
/// in linear time (`Pattern`).
enum TextFunctions {
  static let all: [Builtin] = [
    text2("contains") { a, b in a.contains(b) },
    text2("starts_with") { a, b in a.hasPrefix(b) },
    Builtin(
      "matches", arity: 2...2, signature: Signatures.fixed([.text, .text], .bool),
      implementation: .binary { _, _ in .unknownValue },
      specialize: { constants in
        guard case .text(let source)?? = constants.dropFirst().first else {
          return .failure(SpecializationError(argument: 1, message: "the pattern must be a text literal"))
        }
        do throws(PatternError) {
          let pattern = try Pattern(source)
          return .success(
            .binary { value, _ in
              guard case .text(let text) = value else { return .unknownValue }
              return .bool(pattern.matches(text))
            })
        } catch {
          return .failure(SpecializationError(argument: 1, offset: error.offset, message: error.message))
        }
      }),
    map("lower") { .text($0.lowercased()) },
    map("upper") { .text($0.uppercased()) },
    Builtin(
      "length", arity: 1...1,
      signature: { types in
        switch types[0] {
        case .text, .list, .any: .returns(.number)
        default: .mismatch(argument: 0, message: "expected text or a list, found \(types[0])")
        }
      },
      implementation: .unary { value in
        switch value {
        case .text(let t): .number(Double(t.count))
        case .list(let items): .number(Double(items.count))
        default: .unknownValue
        }
      }),
  ]

  static func text2(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> Builtin {
    Builtin(
      name, arity: 2...2, signature: Signatures.fixed([.text, .text], .bool),
      implementation: .binary { a, b in
        guard case .text(let x) = a, case .text(let y) = b else { return .unknownValue }
        return .bool(test(x, y))
      })
  }

  static func map(_ name: String, _ apply: @escaping @Sendable (String) -> Value) -> Builtin {
    Builtin(
      name, arity: 1...1, signature: Signatures.fixed([.text], .text),
      implementation: .unary { value in
        guard case .text(let x) = value else { return .unknownValue }
        return apply(x)
      })
  }
}
