// contest-eval C++ runtime: arguments decoded by the submission's own parameter
// types.  Embedded only when the problem's metaData was inferred from another
// language's code (Python's int cannot tell int from long long, str cannot tell
// string from char): the driver then passes an Arg, and the parameter type the
// user declared picks the decoding.  With LeetCode's own metaData the driver
// reads exact types instead, as strict as LeetCode.

namespace ce_judge_rt {

// The raw JSON text of the next value: strings and nesting are respected, and
// the value ends at a top-level ',', ']' or end of line, which stay unread.
inline std::string read_raw(Reader& in) {
  in.skip_ws();
  std::string s;
  int depth = 0;
  for (;;) {
    int c = in.peek();
    if (c < 0) break;
    if (c == '"') {
      s.push_back(static_cast<char>(in.get()));
      for (int d = in.get(); d != '"'; d = in.get()) {
        if (d < 0) bad_input();
        s.push_back(static_cast<char>(d));
        if (d == '\\') {
          int e = in.get();
          if (e < 0) bad_input();
          s.push_back(static_cast<char>(e));
        }
      }
      s.push_back('"');
    } else if (c == '[' || c == '{') {
      ++depth;
      s.push_back(static_cast<char>(in.get()));
    } else if (c == ']' || c == '}') {
      if (depth == 0) break;
      --depth;
      s.push_back(static_cast<char>(in.get()));
    } else if (depth == 0 && (c == ',' || c == '\n' || c == '\r' || c == ' ' || c == '\t')) {
      break;
    } else {
      s.push_back(static_cast<char>(in.get()));
    }
    if (depth == 0 && !s.empty() && (s.back() == ']' || s.back() == '}' || s.back() == '"')) break;
  }
  if (s.empty() || depth) bad_input();
  return s;
}

// Converts, once, to whatever parameter type it is bound to (by value, by
// reference or by const reference) and keeps that object, so an in-place
// answer can be encoded after the call by the same type.
class Arg {
 public:
  explicit Arg(std::string raw) : raw_(std::move(raw)) {}
  Arg(const Arg&) = delete;
  Arg& operator=(const Arg&) = delete;

  template <class T, class U = std::remove_cv_t<T>, class = std::enable_if_t<Decodable<U>::value>>
  operator T&() const {
    if (!obj_) {
      Reader r(raw_);
      U* made = new U(Codec<U>::read(r));
      if (!r.at_eof()) bad_input();
      obj_ = std::shared_ptr<void>(made, [](void* p) { delete static_cast<U*>(p); });
      write_ = [](std::string& o, const void* p) { Codec<U>::write(o, *static_cast<const U*>(p)); };
      type_ = &typeid(U);
    } else if (*type_ != typeid(U)) {
      bad_input();  // one argument bound to two parameter types: cannot happen in one call
    }
    return *static_cast<U*>(obj_.get());
  }

  // The value after the call, encoded by the type it was decoded as.
  void put(std::string& o) const {
    if (write_) write_(o, obj_.get());
    else o += raw_;
  }

 private:
  std::string raw_;
  mutable std::shared_ptr<void> obj_;
  mutable void (*write_)(std::string&, const void*) = nullptr;
  mutable const std::type_info* type_ = nullptr;
};

}  // namespace ce_judge_rt
