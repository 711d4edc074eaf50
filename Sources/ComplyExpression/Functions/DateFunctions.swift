import ComplyModel

/// Calendar arithmetic on dates and month-only dates. Months are calendar months clamped to the month's end.
enum DateFunctions {
  static let all: [Builtin] = [
    shift("add_days", .addDays) { date, n in date.adding(days: n) },
    shift("add_months", .addMonths) { date, n in date.adding(months: n) },
    shift("add_years", .addYears) { date, n in date.adding(months: 12 * n) },
    Builtin(
      "days_between", arity: 2...2, signature: Signatures.fixed([.date, .date], .number),
      implementation: .binary { a, b in
        // A month-only date has no day to count from.
        guard case .date(let x) = a, case .date(let y) = b, x.isFullDate, y.isFullDate else { return .unknownValue }
        return .number(Double(y.first.number - x.first.number))
      }, cell: .daysBetween),
  ]

  static func shift(
    _ name: String, _ cell: CellOperation, _ apply: @escaping @Sendable (DateSpan, Int) -> DateSpan
  ) -> Builtin {
    Builtin(
      name, arity: 2...2, signature: Signatures.fixed([.date, .number], .date),
      implementation: .binary { a, b in
        guard case .date(let date) = a, case .number(let n) = b, n == n.rounded(), abs(n) < 1_000_000 else {
          return .unknownValue
        }
        return .date(apply(date, Int(n)))
      }, cell: cell)
  }
}
