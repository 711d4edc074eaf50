#include "ComplySIMD.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include <string.h>

#define AVX2 __attribute__((target("avx2")))

/// Set once when the library loads, before any thread can ask: a lazy check would be a data race between workers.
static int has_avx2;

__attribute__((constructor)) static void detect_avx2(void) {
  __builtin_cpu_init();
  has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") ? 1 : 0;
}

int comply_simd_available(void) { return has_avx2; }

// UTF-8 validation by table lookups (Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte",
// 2021; the "lookup4" form simdjson uses). Each byte is classified with its predecessor by three 16-entry tables
// (the first byte's high and low nibble, the second byte's high nibble); a bit left set in all three is an error.
// Continuation bytes that a three- or four-byte lead requires two or three bytes back are checked apart.

enum {
  TOO_SHORT = 1 << 0,   // a lead byte or ASCII, then a lead byte
  TOO_LONG = 1 << 1,    // ASCII, then a continuation byte
  OVERLONG_3 = 1 << 2,  // E0 80..9F
  TOO_LARGE = 1 << 3,   // F4 90..BF, F5..FF
  SURROGATE = 1 << 4,   // ED A0..BF
  OVERLONG_2 = 1 << 5,  // C0, C1
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,  // F0 80..8F
  TWO_CONTS = 1 << 7,   // two continuation bytes (allowed only where a lead needs them: checked apart)
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

AVX2 static inline __m256i table(uint8_t t0, uint8_t t1, uint8_t t2, uint8_t t3, uint8_t t4, uint8_t t5, uint8_t t6,
                                 uint8_t t7, uint8_t t8, uint8_t t9, uint8_t t10, uint8_t t11, uint8_t t12,
                                 uint8_t t13, uint8_t t14, uint8_t t15) {
  return _mm256_setr_epi8((char)t0, (char)t1, (char)t2, (char)t3, (char)t4, (char)t5, (char)t6, (char)t7,
                          (char)t8, (char)t9, (char)t10, (char)t11, (char)t12, (char)t13, (char)t14, (char)t15,
                          (char)t0, (char)t1, (char)t2, (char)t3, (char)t4, (char)t5, (char)t6, (char)t7,
                          (char)t8, (char)t9, (char)t10, (char)t11, (char)t12, (char)t13, (char)t14, (char)t15);
}

/// The input shifted right by `n` bytes across the two 32-byte blocks: byte i is the byte n before input[i].
#define PREV(input, previous, n) \
  _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

AVX2 static inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

AVX2 static inline __m256i block_errors(__m256i input, __m256i previous) {
  const __m256i byte_1_high_table = table(
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,  // 0_______
      TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                      // 10______
      TOO_SHORT | OVERLONG_2,                                                          // 1100____
      TOO_SHORT,                                                                       // 1101____
      TOO_SHORT | OVERLONG_3 | SURROGATE,                                              // 1110____
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                            // 1111____
  const __m256i byte_1_low_table = table(
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,  // ____0000
      CARRY | OVERLONG_2,                            // ____0001
      CARRY, CARRY,                                  // ____001_
      CARRY | TOO_LARGE,                             // ____0100
      CARRY | TOO_LARGE | TOO_LARGE_1000,            // ____0101
      CARRY | TOO_LARGE | TOO_LARGE_1000,            // ____011_
      CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000,            // ____1___
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,  // ____1101
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i byte_2_high_table = table(
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,  // 0_______
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,            // 1000____
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                              // 1001____
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                               // 101_____
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);  // 11______

  __m256i prev1 = PREV(input, previous, 1);
  __m256i byte_1_high = _mm256_shuffle_epi8(byte_1_high_table, high_nibbles(prev1));
  __m256i byte_1_low = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  __m256i byte_2_high = _mm256_shuffle_epi8(byte_2_high_table, high_nibbles(input));
  __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);

  // Where a byte must be the second or third continuation (two bytes after E0..FF, three after F0..FF), the
  // TWO_CONTS bit is expected: flipping it there leaves an error exactly where the expectation and the bytes
  // disagree.
  __m256i prev2 = PREV(input, previous, 2);
  __m256i prev3 = PREV(input, previous, 3);
  __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
  __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
  return _mm256_xor_si256(must_continue, special);
}

/// Nonzero where the block's last bytes begin a sequence that needs more bytes than the block has left.
AVX2 static inline __m256i incomplete(__m256i input) {
  const __m256i limit = _mm256_setr_epi8(
      (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
      (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
      (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
      (char)255, (char)255, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
  return _mm256_subs_epu8(input, limit);
}

AVX2 static int utf8_valid_avx2(const uint8_t *bytes, size_t count) {
  __m256i error = _mm256_setzero_si256();
  __m256i previous = _mm256_setzero_si256();
  __m256i previous_incomplete = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= count; i += 32) {
    __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + i));
    if (_mm256_movemask_epi8(input) == 0) {
      // All ASCII: an error only if the block before ended in the middle of a sequence.
      error = _mm256_or_si256(error, previous_incomplete);
      previous_incomplete = _mm256_setzero_si256();
    } else {
      error = _mm256_or_si256(error, block_errors(input, previous));
      previous_incomplete = incomplete(input);
    }
    previous = input;
  }
  if (i < count) {
    // The last bytes, padded with ASCII zeros: a sequence they leave open meets a zero and is too short.
    uint8_t tail[32];
    memset(tail, 0, sizeof tail);
    memcpy(tail, bytes + i, count - i);
    __m256i input = _mm256_loadu_si256((const __m256i *)tail);
    error = _mm256_or_si256(error, block_errors(input, previous));
    previous_incomplete = incomplete(input);
  }
  error = _mm256_or_si256(error, previous_incomplete);
  return _mm256_testz_si256(error, error) ? 1 : 0;
}

int comply_utf8_valid(const uint8_t *bytes, size_t count) {
  if (!comply_simd_available()) return -1;
  return utf8_valid_avx2(bytes, count);
}

AVX2 static ptrdiff_t plain_row_avx2(const uint8_t *p, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *bounds,
                                     ptrdiff_t capacity, ptrdiff_t *count) {
  const __m256i comma = _mm256_set1_epi8(',');
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  const __m256i quote = _mm256_set1_epi8('"');
  ptrdiff_t cells = 0;
  ptrdiff_t cell_start = start;
  ptrdiff_t i = start;
  uint32_t comma_before = 0;  // 1 when the byte before this block is a comma
  for (; i + 32 <= end; i += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
    uint32_t commas = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, comma));
    uint32_t breaks = (uint32_t)_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)));
    uint32_t quotes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, quote));
    // Only the bytes up to the row's end belong to it.
    uint32_t row = breaks ? (breaks & -breaks) - 1 : 0xFFFFFFFFu;
    commas &= row;
    if (((commas << 1) | comma_before) & quotes & row) return -1;  // a cell beginning with a quote
    comma_before = commas >> 31;
    while (commas != 0) {
      ptrdiff_t k = i + __builtin_ctz(commas);
      commas &= commas - 1;
      if (cells == capacity) return -2;
      bounds[2 * cells] = cell_start;
      bounds[2 * cells + 1] = k;
      cells += 1;
      cell_start = k + 1;
    }
    if (breaks) {
      ptrdiff_t k = i + __builtin_ctz(breaks);
      if (cells == capacity) return -2;
      bounds[2 * cells] = cell_start;
      bounds[2 * cells + 1] = k;
      *count = cells + 1;
      return k;
    }
  }
  // The last bytes before `end`, one at a time.
  if (comma_before && i < end && p[i] == '"') return -1;
  for (; i < end; i++) {
    uint8_t b = p[i];
    if (b != ',' && b != '\n' && b != '\r') continue;
    if (cells == capacity) return -2;
    bounds[2 * cells] = cell_start;
    bounds[2 * cells + 1] = i;
    cells += 1;
    if (b != ',') {
      *count = cells;
      return i;
    }
    cell_start = i + 1;
    if (cell_start < end && p[cell_start] == '"') return -1;
  }
  return -1;
}

ptrdiff_t comply_plain_row(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *bounds,
                           ptrdiff_t capacity, ptrdiff_t *count) {
  if (!comply_simd_available() || start >= end || bytes[start] == '"') return -1;
  return plain_row_avx2(bytes, start, end, bounds, capacity, count);
}

__attribute__((target("avx2,popcnt"))) static ptrdiff_t count_byte_avx2(const uint8_t *p, size_t n, uint8_t byte) {
  const __m256i target = _mm256_set1_epi8((char)byte);
  size_t count = 0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
    count += (size_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, target)));
  }
  for (; i < n; i++) count += p[i] == byte;
  return (ptrdiff_t)count;
}

ptrdiff_t comply_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
  if (!comply_simd_available()) return -1;
  return count_byte_avx2(bytes, count, byte);
}

#else

int comply_simd_available(void) { return 0; }

ptrdiff_t comply_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
  (void)bytes;
  (void)count;
  (void)byte;
  return -1;
}

int comply_utf8_valid(const uint8_t *bytes, size_t count) {
  (void)bytes;
  (void)count;
  return -1;
}

ptrdiff_t comply_plain_row(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *bounds,
                           ptrdiff_t capacity, ptrdiff_t *count) {
  (void)bytes;
  (void)start;
  (void)end;
  (void)bounds;
  (void)capacity;
  (void)count;
  return -1;
}

#endif

// Dates need no vector instructions: this kernel is plain C on every processor. It takes a row's date cells at
// once, so that the common cell costs no call into the general reader, and finds each month in tables the caller
// makes from its own calendar, so that the day numbers are the caller's.

uint64_t comply_iso_days(const uint8_t *bytes, const ptrdiff_t *bounds, const int32_t *columns, int count,
                         int first_year, int years, const int32_t *month_starts, const uint8_t *month_lengths,
                         int64_t *days) {
  const uint64_t dashes = 0xFF0000FF00000000ull;  // bytes 4 and 7 of `YYYY-MM-`, byte 0 lowest
  uint64_t read = 0;
  for (int i = 0; i < count && i < 64; i++) {
    ptrdiff_t start = bounds[2 * columns[i]];
    if (bounds[2 * columns[i] + 1] - start != 10) continue;
    const uint8_t *p = bytes + start;
    uint64_t head;
    uint16_t tail;
    memcpy(&head, p, 8);
    memcpy(&tail, p + 8, 2);
    if ((head & dashes) != 0x2D00002D00000000ull) continue;
    // Every other byte a digit: its high nibble 3, and still 3 after adding 6 (so at most "9"); a dash is made
    // "0" first. No byte carries into the next, each being below 0x40 when 6 is added.
    uint64_t digits = (head & ~dashes) | 0x3000003000000000ull;
    if ((digits & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull) continue;
    if (((digits + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull) continue;
    if ((tail & 0xF0F0) != 0x3030 || ((tail + 0x0606) & 0xF0F0) != 0x3030) continue;
    uint64_t v = digits & 0x0F0F0F0F0F0F0F0Full;
    int year = (int)((v & 15) * 1000 + (v >> 8 & 15) * 100 + (v >> 16 & 15) * 10 + (v >> 24 & 15));
    unsigned month = (unsigned)((v >> 40 & 15) * 10 + (v >> 48 & 15));
    unsigned day = (unsigned)((tail & 15) * 10 + (tail >> 8 & 15));
    unsigned y = (unsigned)(year - first_year);
    if (y >= (unsigned)years || month - 1 > 11) continue;
    unsigned m = y * 12 + month - 1;
    if (day - 1 >= month_lengths[m]) continue;
    days[i] = (int64_t)month_starts[m] + day - 1;
    read |= (uint64_t)1 << i;
  }
  return read;
}
