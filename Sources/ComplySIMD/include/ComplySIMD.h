#ifndef COMPLY_SIMD_H
#define COMPLY_SIMD_H

#include <stddef.h>
#include <stdint.h>

/// Byte kernels for the CSV hot path, with AVX2 where the processor has it. Each vector kernel returns a value
/// meaning "not handled here" where it has no vector path (another processor, or an x86 without AVX2), and the
/// caller then runs its own Swift loop, which stays the reference the tests compare these with.

/// Whether the vector paths run on this processor.
int comply_simd_available(void);

/// 1 when the bytes are well-formed UTF-8 (no overlong forms, surrogates or scalars past U+10FFFF), 0 when they
/// are not, -1 when there is no vector path.
int comply_utf8_valid(const uint8_t *bytes, size_t count);

/// Scans the CSV row at `start` when none of its cells begins with a quote: writes each cell's start and end
/// offsets into `bounds` (two per cell, at most `capacity` cells), sets `*count`, and returns the offset of the
/// LF or CR that ends the row. Returns -1, with `*count` undefined, for a row the general scanner must take: a
/// cell beginning with a quote, a row running to `end`, or no vector path; -2 for a row of more than `capacity`
/// cells.
ptrdiff_t comply_plain_row(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *bounds,
                           ptrdiff_t capacity, ptrdiff_t *count);

/// How many of the bytes equal `byte`; -1 when there is no vector path.
ptrdiff_t comply_count_byte(const uint8_t *bytes, size_t count, uint8_t byte);

/// Reads cells `columns[0..<count]` of a row as ISO dates, `YYYY-MM-DD`: exactly ten bytes, a year from
/// `first_year` on, one of `years`, and a day its month has. `bounds` holds two offsets into `bytes` per cell of the
/// row (start, end). The caller's calendar comes as two tables, by `(year - first_year) * 12 + month - 1`: the day
/// number of each month's first day and the month's length. Writes each date read as its day number to `days[i]`,
/// and returns a mask with bit i set for it; the other cells (blank, another form, no such day) are left to the
/// caller. At most 64 columns. Plain C, on every processor.
uint64_t comply_iso_days(const uint8_t *bytes, const ptrdiff_t *bounds, const int32_t *columns, int count,
                         int first_year, int years, const int32_t *month_starts, const uint8_t *month_lengths,
                         int64_t *days);

#endif
