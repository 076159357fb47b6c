package main

// Runtime of the generated Go driver (see judges/PROTOCOL.md): a JSON reader
// and writer plus LeetCode's value conversions. It shares package main with
// the submission, so every package-level name starts with "ce" and every
// import is aliased; an import is file-scoped, but its name still may not
// clash with a package-level name declared in the submission's file.

import (
	ceBufio "bufio"
	ceIo "io"
	ceMath "math"
	ceOs "os"
	ceStrconv "strconv"
	ceUtf8 "unicode/utf8"
)

// Package variables are initialised before any init() of the submission runs,
// so the result channel and the input reader are ours before user code is.
var (
	ceResults = ceBufio.NewWriterSize(ceOs.NewFile(3, "ce-results"), 1<<16)
	ceInput   = ceBufio.NewReaderSize(ceOs.Stdin, 1<<16)
)

// ceJ is a parsed JSON value. Numbers keep their literal text so 64-bit
// integers never pass through a float64.
type ceJ struct {
	kind  byte // 'n' null, 'b' boolean, '#' number, '"' string, '[' array
	b     bool
	text  string
	items []*ceJ
}

func ceFail(msg string) {
	panic("contest-eval harness: " + msg)
}

// ceLine returns the next input line without its terminator; ok is false at
// end of input. Lines can be megabytes long, hence ReadBytes.
func ceLine() (line []byte, ok bool) {
	b, err := ceInput.ReadBytes('\n')
	if err != nil && err != ceIo.EOF {
		ceFail("cannot read stdin: " + err.Error())
	}
	if len(b) == 0 && err == ceIo.EOF {
		return nil, false
	}
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b, true
}

// ceNext reads a line that the protocol guarantees exists (a test's later lines).
func ceNext() *ceJ {
	b, ok := ceLine()
	if !ok {
		ceFail("input ended in the middle of a test")
	}
	return ceParse(b)
}

type ceParser struct {
	s []byte
	i int
}

func ceParse(b []byte) *ceJ {
	p := &ceParser{s: b}
	v := p.value()
	p.ws()
	if p.i != len(p.s) {
		ceFail("trailing characters after JSON value")
	}
	return v
}

func (p *ceParser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\r' || p.s[p.i] == '\n') {
		p.i++
	}
}

func (p *ceParser) word(w string, v *ceJ) *ceJ {
	if p.i+len(w) > len(p.s) || string(p.s[p.i:p.i+len(w)]) != w {
		ceFail("malformed JSON literal")
	}
	p.i += len(w)
	return v
}

func (p *ceParser) value() *ceJ {
	p.ws()
	if p.i >= len(p.s) {
		ceFail("unexpected end of JSON value")
	}
	switch c := p.s[p.i]; {
	case c == '[':
		p.i++
		v := &ceJ{kind: '[', items: []*ceJ{}}
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return v
		}
		for {
			v.items = append(v.items, p.value())
			p.ws()
			if p.i >= len(p.s) {
				ceFail("unterminated JSON array")
			}
			p.i++
			if p.s[p.i-1] == ']' {
				return v
			}
			if p.s[p.i-1] != ',' {
				ceFail("expected ',' in JSON array")
			}
		}
	case c == '"':
		return &ceJ{kind: '"', text: p.str()}
	case c == 'n':
		return p.word("null", &ceJ{kind: 'n'})
	case c == 't':
		return p.word("true", &ceJ{kind: 'b', b: true})
	case c == 'f':
		return p.word("false", &ceJ{kind: 'b'})
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.i
		for p.i < len(p.s) && ceIsNumByte(p.s[p.i]) {
			p.i++
		}
		return &ceJ{kind: '#', text: string(p.s[start:p.i])}
	}
	ceFail("unexpected character in JSON input")
	return nil
}

func ceIsNumByte(c byte) bool {
	return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func (p *ceParser) hex4() rune {
	if p.i+4 > len(p.s) {
		ceFail("short \\u escape")
	}
	n, err := ceStrconv.ParseUint(string(p.s[p.i:p.i+4]), 16, 32)
	if err != nil {
		ceFail("bad \\u escape")
	}
	p.i += 4
	return rune(n)
}

func (p *ceParser) str() string {
	p.i++ // opening quote
	out := make([]byte, 0, 16)
	for {
		if p.i >= len(p.s) {
			ceFail("unterminated JSON string")
		}
		c := p.s[p.i]
		p.i++
		if c == '"' {
			return string(out)
		}
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if p.i >= len(p.s) {
			ceFail("unterminated escape")
		}
		e := p.s[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := p.hex4()
			// A high surrogate followed by a low one encodes one astral code point.
			if r >= 0xD800 && r < 0xDC00 && p.i+6 <= len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				lo := p.hex4()
				if lo >= 0xDC00 && lo < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
				} else {
					p.i = save
				}
			}
			out = ceUtf8.AppendRune(out, r) // lone surrogates become U+FFFD
		default:
			ceFail("bad escape in JSON string")
		}
	}
}

// ---- decoding into LeetCode's Go types ----

func ceKind(v *ceJ, k byte, what string) {
	if v.kind != k {
		ceFail("expected " + what + " in input")
	}
}

func ceI64(v *ceJ) int64 {
	ceKind(v, '#', "a number")
	n, err := ceStrconv.ParseInt(v.text, 10, 64)
	if err == nil {
		return n
	}
	f, ferr := ceStrconv.ParseFloat(v.text, 64) // tolerate "3.0" or "1e5"
	if ferr != nil {
		ceFail("bad integer " + v.text)
	}
	return int64(f)
}

func ceInt(v *ceJ) int { return int(ceI64(v)) }

func ceF64(v *ceJ) float64 {
	if v.kind == 'n' {
		return ceMath.NaN()
	}
	ceKind(v, '#', "a number")
	f, err := ceStrconv.ParseFloat(v.text, 64)
	if err != nil {
		ceFail("bad number " + v.text)
	}
	return f
}

func ceBool(v *ceJ) bool {
	ceKind(v, 'b', "a boolean")
	return v.b
}

func ceStr(v *ceJ) string {
	ceKind(v, '"', "a string")
	return v.text
}

// LeetCode's Go character is a byte; code points up to U+00FF map to the byte
// of the same value (Latin-1), so "é" survives a round trip through []byte.
func ceChar(v *ceJ) byte {
	s := ceStr(v)
	r, size := ceUtf8.DecodeRuneInString(s)
	if size != len(s) || r > 0xFF {
		ceFail("character value does not fit a Go byte: " + s)
	}
	return byte(r)
}

func ceArr[T any](v *ceJ, elem func(*ceJ) T) []T {
	if v.kind == 'n' {
		return nil
	}
	ceKind(v, '[', "an array")
	out := make([]T, len(v.items))
	for i, x := range v.items {
		out[i] = elem(x)
	}
	return out
}

func ceList(v *ceJ) *ListNode {
	vals := ceArr(v, ceInt)
	var head *ListNode
	for i := len(vals) - 1; i >= 0; i-- {
		head = &ListNode{Val: vals[i], Next: head}
	}
	return head
}

// ceTree builds a tree from LeetCode's level order: children are taken
// pairwise from the list for each non-null node, in queue order.
func ceTree(v *ceJ) *TreeNode {
	if v.kind == 'n' || len(v.items) == 0 || v.items[0].kind == 'n' {
		return nil
	}
	ceKind(v, '[', "an array")
	root := &TreeNode{Val: ceInt(v.items[0])}
	queue := []*TreeNode{root}
	i := 1
	for q := 0; q < len(queue) && i < len(v.items); q++ {
		n := queue[q]
		if x := v.items[i]; x.kind != 'n' {
			n.Left = &TreeNode{Val: ceInt(x)}
			queue = append(queue, n.Left)
		}
		i++
		if i < len(v.items) {
			if x := v.items[i]; x.kind != 'n' {
				n.Right = &TreeNode{Val: ceInt(x)}
				queue = append(queue, n.Right)
			}
			i++
		}
	}
	return root
}

// ---- encoding results ----

type ceW struct{ b []byte }

func ceNull(w *ceW) { w.b = append(w.b, "null"...) }

func ceEncInt(w *ceW, x int)     { w.b = ceStrconv.AppendInt(w.b, int64(x), 10) }
func ceEncI64(w *ceW, x int64)   { w.b = ceStrconv.AppendInt(w.b, x, 10) }
func ceEncBool(w *ceW, x bool)   { w.b = ceStrconv.AppendBool(w.b, x) }
func ceEncStr(w *ceW, s string)  { w.b = ceQuote(w.b, s) }
func ceEncChar(w *ceW, c byte)   { w.b = ceQuote(w.b, string(rune(c))) }
func ceEncRaw(w *ceW, s string)  { w.b = append(w.b, s...) }
func ceEncSep(w *ceW, first bool) {
	if !first {
		w.b = append(w.b, ',')
	}
}

// Doubles print like Python's repr: shortest round-trip digits, plain notation
// for moderate magnitudes and an exponent (always valid JSON) otherwise.
func ceEncF64(w *ceW, x float64) {
	if ceMath.IsNaN(x) || ceMath.IsInf(x, 0) {
		ceNull(w)
		return
	}
	if a := ceMath.Abs(x); a != 0 && (a < 1e-4 || a >= 1e16) {
		w.b = ceStrconv.AppendFloat(w.b, x, 'e', -1, 64)
		return
	}
	start := len(w.b)
	w.b = ceStrconv.AppendFloat(w.b, x, 'f', -1, 64)
	for _, c := range w.b[start:] {
		if c == '.' {
			return
		}
	}
	w.b = append(w.b, ".0"...)
}

const ceHex = "0123456789abcdef"

func ceU4(b []byte, r rune) []byte {
	return append(b, '\\', 'u', ceHex[r>>12&15], ceHex[r>>8&15], ceHex[r>>4&15], ceHex[r&15])
}

// ceQuote writes s as a JSON string in pure ASCII: everything outside printable
// ASCII becomes \uXXXX (surrogate pairs above U+FFFF) so the line can never be
// split or mis-decoded; invalid UTF-8 becomes U+FFFD.
func ceQuote(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r >= 0x20 && r < 0x7F:
			b = append(b, byte(r))
		case r < 0x10000:
			b = ceU4(b, r)
		default:
			r -= 0x10000
			b = ceU4(ceU4(b, 0xD800+(r>>10)), 0xDC00+(r&0x3FF))
		}
	}
	return append(b, '"')
}

func ceEncArr[T any](w *ceW, a []T, elem func(*ceW, T)) {
	w.b = append(w.b, '[')
	for i, x := range a {
		ceEncSep(w, i == 0)
		elem(w, x)
	}
	w.b = append(w.b, ']')
}

func ceEncList(w *ceW, head *ListNode) {
	w.b = append(w.b, '[')
	for n := head; n != nil; n = n.Next {
		ceEncSep(w, n == head)
		ceEncInt(w, n.Val)
	}
	w.b = append(w.b, ']')
}

// ceEncTree writes LeetCode's level order: null holes for missing children of
// present nodes, trailing nulls trimmed.
func ceEncTree(w *ceW, root *TreeNode) {
	var order []*TreeNode
	if root != nil {
		order = append(order, root)
	}
	for q := 0; q < len(order); q++ {
		if n := order[q]; n != nil {
			order = append(order, n.Left, n.Right)
		}
	}
	for len(order) > 0 && order[len(order)-1] == nil {
		order = order[:len(order)-1]
	}
	w.b = append(w.b, '[')
	for i, n := range order {
		ceEncSep(w, i == 0)
		if n == nil {
			ceNull(w)
		} else {
			ceEncInt(w, n.Val)
		}
	}
	w.b = append(w.b, ']')
}

// ceEmit sends one result line and flushes it, so a later crash cannot lose it.
func ceEmit(w *ceW) {
	w.b = append(w.b, '\n')
	if _, err := ceResults.Write(w.b); err != nil {
		ceOs.Exit(121)
	}
	if err := ceResults.Flush(); err != nil {
		ceOs.Exit(121)
	}
}
