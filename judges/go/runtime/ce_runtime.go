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
	ceReflect "reflect"
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

// ---- metaData inferred from another language: the submission's own types decide ----
//
// Python's int cannot tell int from int64, nor str a string from a byte. When
// the metaData was inferred (drivers/go.py), arguments are decoded into the
// parameter types the submission declares and the answer is encoded from the
// type it returns, by reflection. With LeetCode's own metaData the generated
// driver calls the function with static types instead, as LeetCode does.

var (
	ceListType = ceReflect.TypeOf((*ListNode)(nil))
	ceTreeType = ceReflect.TypeOf((*TreeNode)(nil))
)

func ceDecodeAs(v *ceJ, t ceReflect.Type) ceReflect.Value {
	r := ceReflect.New(t).Elem()
	switch t.Kind() {
	case ceReflect.Int, ceReflect.Int8, ceReflect.Int16, ceReflect.Int64:
		r.SetInt(ceI64(v))
	case ceReflect.Int32: // rune: a one-character string, or a number
		if v.kind == '"' {
			c, _ := ceUtf8.DecodeRuneInString(ceStr(v))
			r.SetInt(int64(c))
		} else {
			r.SetInt(ceI64(v))
		}
	case ceReflect.Uint8: // byte: a one-character string, or a number
		if v.kind == '"' {
			r.SetUint(uint64(ceChar(v)))
		} else {
			r.SetUint(uint64(ceI64(v)))
		}
	case ceReflect.Uint, ceReflect.Uint16, ceReflect.Uint32, ceReflect.Uint64:
		r.SetUint(uint64(ceI64(v)))
	case ceReflect.Float32, ceReflect.Float64:
		r.SetFloat(ceF64(v))
	case ceReflect.Bool:
		r.SetBool(ceBool(v))
	case ceReflect.String:
		r.SetString(ceStr(v))
	case ceReflect.Slice:
		if v.kind == 'n' {
			return r
		}
		if v.kind == '"' && t.Elem().Kind() == ceReflect.Uint8 {
			r.SetBytes([]byte(ceStr(v)))
			return r
		}
		if v.kind == '"' && t.Elem().Kind() == ceReflect.Int32 {
			return ceReflect.ValueOf([]rune(ceStr(v))).Convert(t)
		}
		ceKind(v, '[', "an array")
		r = ceReflect.MakeSlice(t, len(v.items), len(v.items))
		for i, x := range v.items {
			r.Index(i).Set(ceDecodeAs(x, t.Elem()))
		}
	case ceReflect.Pointer:
		switch t {
		case ceListType:
			return ceReflect.ValueOf(ceList(v))
		case ceTreeType:
			return ceReflect.ValueOf(ceTree(v))
		}
		ceFail("cannot decode a parameter of type " + t.String())
	default:
		ceFail("cannot decode a parameter of type " + t.String())
	}
	return r
}

// ceEncodeAs writes x; hint (the metaData type) only tells a byte or rune that
// is a character from one that is a number.
func ceEncodeAs(w *ceW, x ceReflect.Value, hint string) {
	base, elem := hint, hint
	for len(base) > 2 && base[len(base)-2:] == "[]" {
		base = base[:len(base)-2]
	}
	if len(hint) > 2 && hint[len(hint)-2:] == "[]" {
		elem = hint[:len(hint)-2]
	}
	text := base == "character" || base == "string"
	switch x.Kind() {
	case ceReflect.Int32, ceReflect.Uint8:
		if text {
			var c rune
			if x.Kind() == ceReflect.Int32 {
				c = rune(x.Int())
			} else {
				c = rune(x.Uint())
			}
			w.b = ceQuote(w.b, string(c))
		} else if x.Kind() == ceReflect.Int32 {
			ceEncI64(w, x.Int())
		} else {
			w.b = ceStrconv.AppendUint(w.b, x.Uint(), 10)
		}
	case ceReflect.Int, ceReflect.Int8, ceReflect.Int16, ceReflect.Int64:
		ceEncI64(w, x.Int())
	case ceReflect.Uint, ceReflect.Uint16, ceReflect.Uint32, ceReflect.Uint64:
		w.b = ceStrconv.AppendUint(w.b, x.Uint(), 10)
	case ceReflect.Float32, ceReflect.Float64:
		ceEncF64(w, x.Float())
	case ceReflect.Bool:
		ceEncBool(w, x.Bool())
	case ceReflect.String:
		ceEncStr(w, x.String())
	case ceReflect.Interface:
		if x.IsNil() {
			ceNull(w)
		} else {
			ceEncodeAs(w, x.Elem(), hint)
		}
	case ceReflect.Slice, ceReflect.Array:
		if hint == "string" && x.Type().Elem().Kind() == ceReflect.Uint8 {
			ceEncStr(w, string(x.Bytes()))
			return
		}
		if hint == "string" && x.Type().Elem().Kind() == ceReflect.Int32 {
			ceEncStr(w, string(x.Interface().([]rune)))
			return
		}
		w.b = append(w.b, '[')
		for i := 0; i < x.Len(); i++ {
			ceEncSep(w, i == 0)
			ceEncodeAs(w, x.Index(i), elem)
		}
		w.b = append(w.b, ']')
	case ceReflect.Pointer:
		switch x.Type() {
		case ceListType:
			ceEncList(w, x.Interface().(*ListNode))
			return
		case ceTreeType:
			ceEncTree(w, x.Interface().(*TreeNode))
			return
		}
		ceFail("cannot encode a result of type " + x.Type().String())
	default:
		ceFail("cannot encode a result of type " + x.Type().String())
	}
}

func ceCall(fn ceReflect.Value, what string, args []*ceJ) ([]ceReflect.Value, []ceReflect.Value) {
	t := fn.Type()
	if t.NumIn() != len(args) || t.IsVariadic() {
		ceFail(what + " takes " + ceStrconv.Itoa(t.NumIn()) + " parameters, the test passes " + ceStrconv.Itoa(len(args)))
	}
	in := make([]ceReflect.Value, len(args))
	for i, a := range args {
		in[i] = ceDecodeAs(a, t.In(i))
	}
	return in, fn.Call(in)
}

// ceCallFunc runs a function problem's call: the answer is the result, or with
// outParam >= 0 that argument after the call (in-place problems).
func ceCallFunc(w *ceW, fn any, name string, args []*ceJ, ret string, outParam int) {
	in, out := ceCall(ceReflect.ValueOf(fn), name, args)
	switch {
	case outParam >= 0:
		ceEncodeAs(w, in[outParam], ret)
	case len(out) == 0:
		ceNull(w)
	default:
		ceEncodeAs(w, out[0], ret)
	}
}

// ceObject is a design problem's object; methods are found on its pointer, so
// pointer and value receivers both work.
type ceObject struct{ v ceReflect.Value }

func ceConstruct(ctor any, args []*ceJ) *ceObject {
	_, out := ceCall(ceReflect.ValueOf(ctor), "Constructor", args)
	if len(out) != 1 {
		ceFail("Constructor must return the object")
	}
	v := out[0]
	if v.Kind() != ceReflect.Pointer {
		p := ceReflect.New(v.Type())
		p.Elem().Set(v)
		v = p
	}
	return &ceObject{v}
}

func ceCallMethod(w *ceW, obj *ceObject, name string, args []*ceJ, ret string) {
	m := obj.v.MethodByName(name)
	if !m.IsValid() {
		ceFail("the design class has no method " + name)
	}
	_, out := ceCall(m, name, args)
	if len(out) == 0 {
		ceNull(w)
	} else {
		ceEncodeAs(w, out[0], ret)
	}
}
