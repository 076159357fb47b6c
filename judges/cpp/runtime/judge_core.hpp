// contest-eval C++ harness runtime (core).  Embedded into main.cpp by
// contest_eval/judge/drivers/cpp.py after <bits/stdc++.h> and before the
// submission, so nothing here can be redefined by user macros or helpers.
//
// Everything lives in namespace ce_judge_rt and the codecs are class templates
// (Codec<T>::read / ::write): calls through a class are immune to ADL, so a
// user's global `parse`, `print` or `operator<<` can never be picked up when the
// templates are instantiated after the submission.
//
// Protocol: judges/PROTOCOL.md.  Results go to fd 3 through write(2); stdin is
// read through read(2) so the user's cin/stdio state never matters.

namespace ce_judge_rt {

// Malformed test input is a fixture or host bug, never the submission's fault;
// stderr belongs to the submission, so the only signal is a distinctive status.
constexpr int kBadInputExit = 86;
constexpr int kResultFd = 3;

[[noreturn]] inline void bad_input() { std::_Exit(kBadInputExit); }

// Streaming reader over fd 0.  Lazy refills: the supervisor may keep the pipe
// open, so we never read ahead of the test we are parsing more than one chunk.
class Reader {
 public:
  Reader() = default;
  // Reads one already captured value (any_arg.hpp) instead of fd 0.
  explicit Reader(const std::string& text) : data_(text.data()), len_(text.size()), fixed_(true) {}
  int peek() {
    if (pos_ == len_ && !refill()) return -1;
    return static_cast<unsigned char>(data_[pos_]);
  }
  int get() {
    int c = peek();
    if (c >= 0) ++pos_;
    return c;
  }
  void skip_ws() {
    for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek()) ++pos_;
  }
  bool at_eof() {
    skip_ws();
    return peek() < 0;
  }
  void expect(char ch) {
    skip_ws();
    if (get() != static_cast<unsigned char>(ch)) bad_input();
  }
  // `,` before every element but the first.
  void sep(std::size_t index) {
    if (index) expect(',');
  }
  bool try_consume(char ch) {
    skip_ws();
    if (peek() != static_cast<unsigned char>(ch)) return false;
    ++pos_;
    return true;
  }
  void keyword(const char* word) {
    skip_ws();
    for (; *word; ++word)
      if (get() != static_cast<unsigned char>(*word)) bad_input();
  }
  // Consumes one raw line; false at end of input.  Only zero-parameter
  // functions need this (their test is one empty line).
  bool skip_line() {
    if (peek() < 0) return false;
    for (int c = get(); c >= 0 && c != '\n'; c = get()) {
    }
    return true;
  }

 private:
  bool refill() {
    if (fixed_) return false;
    for (;;) {
      ssize_t n = ::read(0, buf_, sizeof buf_);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      pos_ = 0;
      len_ = static_cast<std::size_t>(n);
      return true;
    }
  }
  char buf_[1 << 16];
  const char* data_ = buf_;
  std::size_t pos_ = 0, len_ = 0;
  bool fixed_ = false;
};

inline void emit(std::string& line) {
  line.push_back('\n');
  const char* p = line.data();
  std::size_t left = line.size();
  while (left) {
    ssize_t n = ::write(kResultFd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) std::_Exit(kBadInputExit + 1);  // result channel gone
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

// ---------------------------------------------------------------- numbers

// Integers go through an unsigned magnitude, never a double, so every int64
// (including -2^63) round-trips exactly.
inline long long read_int64(Reader& in) {
  in.skip_ws();
  bool neg = in.try_consume('-');
  if (in.peek() < '0' || in.peek() > '9') bad_input();
  unsigned long long mag = 0;
  const unsigned long long cap = neg ? 9223372036854775808ULL : 9223372036854775807ULL;
  while (in.peek() >= '0' && in.peek() <= '9') {
    unsigned d = static_cast<unsigned>(in.get() - '0');
    if (mag > (cap - d) / 10) bad_input();
    mag = mag * 10 + d;
  }
  if (neg) return mag == cap ? std::numeric_limits<long long>::min() : -static_cast<long long>(mag);
  return static_cast<long long>(mag);
}

inline void put_uint(std::string& o, unsigned long long v) {
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, v);
  o.append(b, r.ptr);
}

inline void put_int(std::string& o, long long v) {
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, v);
  o.append(b, r.ptr);
}

inline void put_double(std::string& o, double v) {
  if (!std::isfinite(v)) {  // JSON has no NaN/Infinity; the protocol says null
    o += "null";
    return;
  }
  char b[64];
  auto r = std::to_chars(b, b + sizeof b, v);  // shortest round-trip form
  std::string_view s(b, static_cast<std::size_t>(r.ptr - b));
  o += s;
  // Keep doubles recognisable as doubles (3.0, not 3), as Python/Java print them.
  if (s.find_first_of(".eEn") == std::string_view::npos) o += ".0";
}

// ---------------------------------------------------------------- strings

inline void put_utf8(std::string& o, std::uint32_t cp) {
  if (cp < 0x80) {
    o.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    o.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    o.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    o.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    o.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline std::uint32_t read_hex4(Reader& in) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    int c = in.get();
    int d = (c >= '0' && c <= '9') ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
    if (d < 0) bad_input();
    v = v * 16 + static_cast<std::uint32_t>(d);
  }
  return v;
}

// Decodes a JSON string to UTF-8.  Surrogate pairs are joined; a lone
// surrogate cannot be UTF-8 and becomes U+FFFD.
inline std::string read_string(Reader& in) {
  in.expect('"');
  std::string s;
  for (;;) {
    int c = in.get();
    if (c < 0) bad_input();
    if (c == '"') return s;
    if (c != '\\') {
      s.push_back(static_cast<char>(c));
      continue;
    }
    int e = in.get();
    switch (e) {
      case '"': s.push_back('"'); break;
      case '\\': s.push_back('\\'); break;
      case '/': s.push_back('/'); break;
      case 'b': s.push_back('\b'); break;
      case 'f': s.push_back('\f'); break;
      case 'n': s.push_back('\n'); break;
      case 'r': s.push_back('\r'); break;
      case 't': s.push_back('\t'); break;
      case 'u': {
        std::uint32_t cp = read_hex4(in);
        if (cp >= 0xD800 && cp < 0xDC00) {
          if (in.peek() == '\\') {
            in.get();
            if (in.get() != 'u') bad_input();
            std::uint32_t lo = read_hex4(in);
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              put_utf8(s, 0xFFFD);
              cp = (lo >= 0xD800 && lo < 0xE000) ? 0xFFFD : lo;
            }
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp < 0xE000) {
          cp = 0xFFFD;
        }
        put_utf8(s, cp);
        break;
      }
      default: bad_input();
    }
  }
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629), 0 if ill-formed.
inline std::size_t utf8_len(const unsigned char* p, std::size_t avail) {
  unsigned char b = p[0];
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) n = 2;
  else if (b >= 0xE0 && b <= 0xEF) { n = 3; if (b == 0xE0) lo = 0xA0; if (b == 0xED) hi = 0x9F; }
  else if (b >= 0xF0 && b <= 0xF4) { n = 4; if (b == 0xF0) lo = 0x90; if (b == 0xF4) hi = 0x8F; }
  else return 0;
  if (avail < n || p[1] < lo || p[1] > hi) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if ((p[i] & 0xC0) != 0x80) return 0;
  return n;
}

inline void put_escaped_ascii(std::string& o, unsigned char c) {
  switch (c) {
    case '"': o += "\\\""; return;
    case '\\': o += "\\\\"; return;
    case '\n': o += "\\n"; return;
    case '\r': o += "\\r"; return;
    case '\t': o += "\\t"; return;
    case '\b': o += "\\b"; return;
    case '\f': o += "\\f"; return;
    default:
      if (c < 0x20) {
        static const char hex[] = "0123456789abcdef";
        o += "\\u00";
        o.push_back(hex[c >> 4]);
        o.push_back(hex[c & 15]);
      } else {
        o.push_back(static_cast<char>(c));
      }
  }
}

// Valid UTF-8 passes through raw; stray bytes become U+FFFD so the result line
// is always valid UTF-8 and still parses on the host.
inline void put_string(std::string& o, std::string_view s) {
  o.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    if (p[i] < 0x80) {
      put_escaped_ascii(o, p[i++]);
    } else if (std::size_t k = utf8_len(p + i, n - i)) {
      o.append(s.data() + i, k);
      i += k;
    } else {
      o += "\\ufffd";
      ++i;
    }
  }
  o.push_back('"');
}

// ---------------------------------------------------------------- codecs

template <class T, class = void>
struct Codec {
  static_assert(sizeof(T) == 0, "contest-eval: no JSON codec for this C++ type");
};

template <>
struct Codec<bool> {
  static bool read(Reader& in) {
    in.skip_ws();
    if (in.peek() == 't') { in.keyword("true"); return true; }
    in.keyword("false");
    return false;
  }
  static void write(std::string& o, bool v) { o += v ? "true" : "false"; }
};

// `char` is one byte, so a character is its code point when that is below 256
// (Latin-1): "é" survives a vector<char> round trip.  Wider characters cannot
// be a C++ char at all and are rejected as bad input.
template <>
struct Codec<char> {
  static char read(Reader& in) {
    std::string s = read_string(in);
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (s.size() == 1) return s[0];
    if (s.size() == 2 && utf8_len(p, 2) == 2 && p[0] <= 0xC3)
      return static_cast<char>(((p[0] & 0x1F) << 6) | (p[1] & 0x3F));
    bad_input();
  }
  static void write(std::string& o, char c) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      o.push_back('"');
      put_escaped_ascii(o, u);
      o.push_back('"');
    } else {
      std::string tmp;
      put_utf8(tmp, u);
      put_string(o, tmp);
    }
  }
};

// Every other integral type (int, long long, size_t, ...): the return type the
// user wrote decides the encoding, which is always a JSON integer.
template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>> {
  static T read(Reader& in) {
    long long v = read_int64(in);
    if constexpr (std::is_signed_v<T>) {
      if (v < static_cast<long long>(std::numeric_limits<T>::min()) ||
          v > static_cast<long long>(std::numeric_limits<T>::max()))
        bad_input();
    } else if (v < 0 || static_cast<unsigned long long>(v) > std::numeric_limits<T>::max()) {
      bad_input();
    }
    return static_cast<T>(v);
  }
  static void write(std::string& o, T v) {
    if constexpr (std::is_signed_v<T>) put_int(o, static_cast<long long>(v));
    else put_uint(o, static_cast<unsigned long long>(v));
  }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T read(Reader& in) {
    in.skip_ws();
    char tok[512];
    std::size_t n = 0;
    for (int c = in.peek(); c >= 0 && (std::isdigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E');
         c = in.peek()) {
      if (n + 1 >= sizeof tok) bad_input();
      tok[n++] = static_cast<char>(in.get());
    }
    double v = 0;
    auto r = std::from_chars(tok, tok + n, v);
    if (n == 0 || r.ec != std::errc() || r.ptr != tok + n) bad_input();
    return static_cast<T>(v);
  }
  static void write(std::string& o, T v) { put_double(o, static_cast<double>(v)); }
};

template <>
struct Codec<std::string> {
  static std::string read(Reader& in) { return read_string(in); }
  static void write(std::string& o, const std::string& v) { put_string(o, v); }
};

template <class T, class A>
struct Codec<std::vector<T, A>> {
  static std::vector<T, A> read(Reader& in) {
    std::vector<T, A> v;
    in.expect('[');
    if (in.try_consume(']')) return v;
    do {
      v.push_back(Codec<T>::read(in));
    } while (in.try_consume(','));
    in.expect(']');
    return v;
  }
  static void write(std::string& o, const std::vector<T, A>& v) {
    o.push_back('[');
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {  // also fine for vector<bool>'s proxies
      if (!first) o.push_back(',');
      first = false;
      Codec<T>::write(o, *it);
    }
    o.push_back(']');
  }
};

// Which C++ types the codecs can decode: any_arg.hpp converts only to these,
// so a class's copy constructor never competes with its real one.
template <class T>
struct Decodable : std::bool_constant<std::is_arithmetic_v<T>> {};
template <>
struct Decodable<std::string> : std::true_type {};
template <class T, class A>
struct Decodable<std::vector<T, A>> : Decodable<T> {};

template <class T>
T read(Reader& in) {
  return Codec<T>::read(in);
}

// Encodes by the static type the user's code actually produced.
template <class T>
void put(std::string& o, const T& v) {
  Codec<std::remove_cv_t<T>>::write(o, v);
}

inline Reader& input() {
  static Reader r;
  return r;
}

// Runs every test on stdin through `one`; one result line per test on fd 3.
inline int main_loop(void (*one)(Reader&, std::string&), bool line_per_test) {
  Reader& in = input();
  std::string out;
  for (;;) {
    if (line_per_test ? !in.skip_line() : in.at_eof()) return 0;
    out.clear();
    one(in, out);
    emit(out);
  }
}

}  // namespace ce_judge_rt
