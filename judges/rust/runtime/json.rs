// Body of `mod __rt`: wire codec and I/O for the harness (see judges/PROTOCOL.md).
// No crates are available in the sandbox, hence the hand-written JSON.
use std::fmt::Write as _;
use std::io::{Read, Write};

pub enum Json {
    Null,
    Bool(bool),
    // Kept as text so that 64-bit integers never pass through a double.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
}

fn bad(what: &str) -> ! {
    panic!("judge harness: malformed test input ({})", what)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\r' | b'\n') {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Json {
        self.ws();
        let c = *self.s.get(self.i).unwrap_or_else(|| bad("unexpected end"));
        match c {
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Json::Arr(items);
                }
                loop {
                    items.push(self.value());
                    self.ws();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("]") {
                        return Json::Arr(items);
                    }
                    bad("expected , or ]");
                }
            }
            b'"' => Json::Str(self.string()),
            b'n' if self.eat("null") => Json::Null,
            b't' if self.eat("true") => Json::Bool(true),
            b'f' if self.eat("false") => Json::Bool(false),
            b'-' | b'+' | b'.' | b'0'..=b'9' => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                Json::Num(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
            }
            _ => bad("unexpected character"),
        }
    }

    fn hex4(&mut self) -> u32 {
        let h = self.s.get(self.i..self.i + 4).unwrap_or_else(|| bad("short \\u escape"));
        self.i += 4;
        u32::from_str_radix(std::str::from_utf8(h).unwrap_or("x"), 16).unwrap_or_else(|_| bad("bad \\u escape"))
    }

    fn string(&mut self) -> String {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = *self.s.get(self.i).unwrap_or_else(|| bad("unterminated string"));
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = *self.s.get(self.i).unwrap_or_else(|| bad("bad escape"));
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4();
                            if (0xD800..0xDC00).contains(&hi) && self.s[self.i..].starts_with(b"\\u") {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4();
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)).unwrap_or('\u{FFFD}')
                                } else {
                                    self.i = save;
                                    '\u{FFFD}'
                                }
                            } else {
                                // A lone surrogate cannot live in a Rust String.
                                char::from_u32(hi).unwrap_or('\u{FFFD}')
                            }
                        }
                        _ => bad("bad escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

pub fn parse(text: &str) -> Json {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value();
    p.ws();
    if p.i != p.s.len() {
        bad("trailing characters");
    }
    v
}

pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Self;
}

pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

// Tears node structures down iteratively: the recursive drop of a 10^5-deep
// list or skewed tree could overflow the stack after an accepted answer.
pub trait Dispose {
    fn dispose(self);
}

impl<T: Dispose> Dispose for Vec<T> {
    fn dispose(self) {
        for x in self {
            x.dispose();
        }
    }
}

fn num_text(v: &Json) -> &str {
    match v {
        Json::Num(t) => t,
        _ => bad("expected a number"),
    }
}

macro_rules! ints {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Json) -> Self {
                let t = num_text(v);
                t.parse::<$t>().unwrap_or_else(|_| {
                    let f: f64 = t.parse().unwrap_or_else(|_| bad("expected an integer"));
                    if f.fract() != 0.0 { bad("expected an integer") }
                    f as $t
                })
            }
        }
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{}", self);
            }
        }
    )*};
}
ints!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl FromJson for f64 {
    fn from_json(v: &Json) -> Self {
        num_text(v).parse().unwrap_or_else(|_| bad("expected a number"))
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        // `{:?}` is shortest round-trip and always JSON-shaped for finite values
        // (`3.0`, `1e-300`, `1e20`); the protocol maps NaN/inf to null.
        if self.is_finite() {
            let _ = write!(out, "{:?}", self);
        } else {
            out.push_str("null");
        }
    }
}

impl ToJson for f32 {
    fn write_json(&self, out: &mut String) {
        (*self as f64).write_json(out)
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Self {
        match v {
            Json::Bool(b) => *b,
            _ => bad("expected a boolean"),
        }
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Self {
        match v {
            Json::Str(s) => s.clone(),
            _ => bad("expected a string"),
        }
    }
}

impl FromJson for char {
    fn from_json(v: &Json) -> Self {
        match v {
            Json::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap(),
            _ => bad("expected a one-character string"),
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 are legal raw in JSON, but line splitters such as
            // Python's str.splitlines() would cut the result line at them.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(self, out)
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(self, out)
    }
}

impl ToJson for char {
    fn write_json(&self, out: &mut String) {
        let mut buf = [0u8; 4];
        write_str(self.encode_utf8(&mut buf), out)
    }
}

impl ToJson for () {
    fn write_json(&self, out: &mut String) {
        out.push_str("null");
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Self {
        match v {
            Json::Arr(items) => items.iter().map(T::from_json).collect(),
            _ => bad("expected an array"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            x.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out)
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out)
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out)
    }
}

impl<T: ToJson + ?Sized> ToJson for &mut T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out)
    }
}

pub fn to_json<T: ToJson + ?Sized>(v: &T) -> String {
    let mut s = String::new();
    v.write_json(&mut s);
    s
}

// LeetCode's Rust signatures take some arguments by value and some as
// `&mut Vec<..>` / `&mut Option<..>` (in-place problems, but also e.g. `nums2`
// of "merge sorted array"), which metaData does not say. The parameter type of
// the user's function selects the impl: by value (moved out), `&mut` or `&`.
pub trait FromArg<'a, T> {
    fn from_arg(x: &'a mut T) -> Self;
}

impl<'a, T: Default> FromArg<'a, T> for T {
    fn from_arg(x: &'a mut T) -> T {
        std::mem::take(x)
    }
}

impl<'a, T> FromArg<'a, T> for &'a mut T {
    fn from_arg(x: &'a mut T) -> &'a mut T {
        x
    }
}

impl<'a, T> FromArg<'a, T> for &'a T {
    fn from_arg(x: &'a mut T) -> &'a T {
        x
    }
}

pub fn adapt<'a, T, P: FromArg<'a, T>>(x: &'a mut T) -> P {
    P::from_arg(x)
}

/// Test inputs: all of stdin, split into lines (a JSON value never spans lines).
pub struct Input {
    lines: std::vec::IntoIter<String>,
}

impl Input {
    pub fn from_stdin() -> Input {
        let mut raw = Vec::new();
        let _ = std::io::stdin().lock().read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw);
        let lines: Vec<String> = text.lines().map(|l| l.to_string()).collect();
        Input { lines: lines.into_iter() }
    }

    /// The next test as `count` parsed values, or None at end of input.
    /// Blank lines are never values, so they are skipped; a zero-parameter
    /// function consumes one (blank) line per test.
    pub fn next_test(&mut self, count: usize) -> Option<Vec<Json>> {
        if count == 0 {
            return self.lines.next().map(|_| Vec::new());
        }
        let mut vals = Vec::with_capacity(count);
        while vals.len() < count {
            let line = self.lines.next()?;
            if !line.trim().is_empty() {
                vals.push(parse(&line));
            }
        }
        Some(vals)
    }
}

/// fd 3, the result channel, opened before any user code runs.
pub struct Channel {
    f: std::fs::File,
}

impl Channel {
    pub fn open() -> Channel {
        use std::os::unix::io::FromRawFd;
        // SAFETY: the supervisor opens fd 3 for us and nothing else in the
        // process owns it.
        Channel { f: unsafe { std::fs::File::from_raw_fd(3) } }
    }

    pub fn send(&mut self, mut line: String) {
        line.push('\n');
        self.f.write_all(line.as_bytes()).expect("judge harness: cannot write to fd 3");
        let _ = self.f.flush();
    }
}

pub fn items(v: &Json) -> &[Json] {
    match v {
        Json::Arr(a) => a,
        _ => bad("expected an array"),
    }
}

pub fn text(v: &Json) -> &str {
    match v {
        Json::Str(s) => s,
        _ => bad("expected a string"),
    }
}
