'use strict';
// Harness for LeetCode-style function and design problems (see judges/PROTOCOL.md).
// The driver (contest_eval/judge/drivers/javascript.py) appends `runHarness(SPEC);`.
// This file is a CommonJS module, so nothing declared here is a global: the
// submission, evaluated as a classic script, can neither see nor shadow it.

// Everything the harness needs from the environment is captured before the
// submission runs, so reassigning a global or monkeypatching JSON / fs cannot
// change what reaches fd 3.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const writeSync = fs.writeSync;
const readFileSync = fs.readFileSync;
const jsonParse = JSON.parse;
const jsonStringify = JSON.stringify;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const bufferFrom = Buffer.from;
const toNumber = Number;
const toBigInt = BigInt;
const isFiniteNumber = Number.isFinite;
const isInteger = Number.isInteger;
const construct = Reflect.construct;
const apply = Reflect.apply;
const hasOwn = Object.prototype.hasOwnProperty;
const runInThisContext = vm.runInThisContext;
const VmScript = vm.Script;
const exit = process.exit.bind(process);
const stderrWrite = process.stderr.write.bind(process.stderr);
const ErrorCtor = Error;
const MAX_SAFE = 9007199254740991n;
const RESULT_FD = 3;
// A linked structure longer than this is taken to be cyclic.
const MAX_NODES = 20000000;

// Node constructors exactly as in LeetCode's JavaScript comments. Assigned (not
// declared) so they are configurable globals: a submission that defines its own
// `class ListNode` or `let TreeNode` replaces them instead of failing to load.
function ListNode(val, next) {
  this.val = (val === undefined ? 0 : val);
  this.next = (next === undefined ? null : next);
}
function TreeNode(val, left, right) {
  this.val = (val === undefined ? 0 : val);
  this.left = (left === undefined ? null : left);
  this.right = (right === undefined ? null : right);
}

function installGlobals() {
  globalThis.ListNode = ListNode;
  globalThis.TreeNode = TreeNode;
  // LeetCode runs submissions as Node modules: `require('util')` works there, and
  // stray `module.exports = …` lines must not be fatal.
  globalThis.require = require;
  globalThis.module = { exports: {} };
  globalThis.exports = globalThis.module.exports;
}

// ---- input -----------------------------------------------------------------

// JSON.parse turns 9007199254740993 into 9007199254740992. Literals with 16+
// digits in a row are rare (only `long` inputs have them), so only such lines
// take the slow exact parser; everything else uses the native one.
const LONG_DIGITS = /\d{16}/;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function parseExact(text) {
  let i = 0;
  const n = text.length;
  const fail = () => { throw new ErrorCtor('harness: malformed input literal at offset ' + i); };
  const skip = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++; else break;
    }
  };
  const value = () => {
    skip();
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      i++;
      const arr = [];
      skip();
      if (text.charCodeAt(i) === 93) { i++; return arr; }
      for (;;) {
        arr[arr.length] = value();
        skip();
        const d = text.charCodeAt(i++);
        if (d === 93) return arr;
        if (d !== 44) fail();
      }
    }
    if (c === 123 /* { */) {
      i++;
      const obj = {};
      skip();
      if (text.charCodeAt(i) === 125) { i++; return obj; }
      for (;;) {
        skip();
        const key = value();
        if (typeof key !== 'string') fail();
        skip();
        if (text.charCodeAt(i++) !== 58) fail();
        obj[key] = value();
        skip();
        const d = text.charCodeAt(i++);
        if (d === 125) return obj;
        if (d !== 44) fail();
      }
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2; else if (d === 34) break; else j++;
      }
      if (j >= n) fail();
      // The native parser does the escapes, surrogate pairs included.
      const s = jsonParse(text.slice(i, j + 1));
      i = j + 1;
      return s;
    }
    if (c === 116 && text.startsWith('true', i)) { i += 4; return true; }
    if (c === 102 && text.startsWith('false', i)) { i += 5; return false; }
    if (c === 110 && text.startsWith('null', i)) { i += 4; return null; }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) fail();
    i = NUMBER.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined) return toNumber(m[0]);
    const big = toBigInt(m[0]);
    return (big > MAX_SAFE || big < -MAX_SAFE) ? big : toNumber(big);
  };
  const v = value();
  skip();
  if (i !== n) fail();
  return v;
}

function parseLiteral(text) {
  return LONG_DIGITS.test(text) ? parseExact(text) : jsonParse(text);
}

function buildList(values) {
  if (!isArray(values)) return values;
  let head = null;
  for (let k = values.length - 1; k >= 0; k--) head = new ListNode(values[k], head);
  return head;
}

function buildTree(values) {
  if (!isArray(values)) return values;
  if (values.length === 0 || values[0] === null) return null;
  const root = new TreeNode(values[0]);
  const queue = [root];
  let head = 0;
  let k = 1;
  while (k < values.length && head < queue.length) {
    const node = queue[head++];
    if (k < values.length) {
      const v = values[k++];
      if (v !== null) { node.left = new TreeNode(v); queue[queue.length] = node.left; }
    }
    if (k < values.length) {
      const v = values[k++];
      if (v !== null) { node.right = new TreeNode(v); queue[queue.length] = node.right; }
    }
  }
  return root;
}

// type = [base, depth]. Integers the exact parser kept as BigInt are only
// legitimate for `long`; any other numeric type gets a Number.
function convert(v, base, depth) {
  if (depth > 0) {
    if (!isArray(v)) return v;
    const out = new Array(v.length);
    for (let k = 0; k < v.length; k++) out[k] = convert(v[k], base, depth - 1);
    return out;
  }
  switch (base) {
    case 'ListNode': return buildList(convert(v, 'integer', 1));
    case 'TreeNode': return buildTree(convert(v, 'integer', 1));
    case 'long': return v;
    default: return typeof v === 'bigint' ? toNumber(v) : v;
  }
}

function argument(text, type) {
  const base = type[0];
  const v = parseLiteral(text);
  // Strings and booleans never need a copy; numbers only if BigInts may be inside.
  if (base === 'string' || base === 'character' || base === 'boolean') return v;
  if ((base === 'integer' || base === 'double' || base === 'long') && !LONG_DIGITS.test(text)) return v;
  return convert(v, base, type[1]);
}

// ---- output ----------------------------------------------------------------

function tooLong() {
  throw new ErrorCtor('harness: linked structure too large or cyclic');
}

function listValues(head) {
  const vals = [];
  for (let node = head; node !== null && node !== undefined; node = node.next) {
    if (vals.length >= MAX_NODES) tooLong();
    vals[vals.length] = node.val;
  }
  return vals;
}

// LeetCode level order: children of every non-null node, trailing nulls trimmed.
function treeValues(root) {
  if (root === null || root === undefined) return [];
  const vals = [];
  const queue = [root];
  let head = 0;
  while (head < queue.length) {
    const node = queue[head++];
    if (node === null || node === undefined) { vals[vals.length] = null; continue; }
    if (queue.length >= MAX_NODES) tooLong();
    vals[vals.length] = node.val;
    queue[queue.length] = node.left === undefined ? null : node.left;
    queue[queue.length] = node.right === undefined ? null : node.right;
  }
  let end = vals.length;
  while (end > 0 && vals[end - 1] === null) end--;
  vals.length = end;
  return vals;
}

function looksLike(v, fields) {
  if (v === null || typeof v !== 'object') return false;
  for (const f of fields) if (!(f in v)) return false;
  return true;
}

// Serialization without a type: what a result is when it does not match its
// declared type (the host then reports WA, not the harness an error).
function generic(v, out) {
  switch (typeof v) {
    case 'undefined': out[out.length] = 'null'; return;
    case 'boolean': out[out.length] = v ? 'true' : 'false'; return;
    case 'number': out[out.length] = jsonStringify(v); return; // NaN/Infinity -> null
    case 'bigint': out[out.length] = '' + v; return;
    case 'string': out[out.length] = jsonStringify(v); return;
    case 'function': case 'symbol': out[out.length] = 'null'; return;
    default: break;
  }
  if (v === null) { out[out.length] = 'null'; return; }
  if (isArray(v) || (isView(v) && typeof v.length === 'number')) {
    out[out.length] = '[';
    for (let k = 0; k < v.length; k++) {
      if (k) out[out.length] = ',';
      generic(v[k], out);
    }
    out[out.length] = ']';
    return;
  }
  if (looksLike(v, ['val', 'left', 'right'])) return generic(treeValues(v), out);
  if (looksLike(v, ['val', 'next'])) return generic(listValues(v), out);
  if (typeof v.valueOf === 'function') {
    const p = v.valueOf();
    if (p !== v && (p === null || typeof p !== 'object')) return generic(p, out);
  }
  let s;
  try {
    s = jsonStringify(v, (_k, x) => (typeof x === 'bigint' ? toNumber(x) : x));
  } catch (_e) {
    s = undefined;
  }
  out[out.length] = s === undefined ? 'null' : s;
}

function serialize(v, base, depth, out) {
  if (depth > 0) {
    if (!(isArray(v) || (isView(v) && typeof v.length === 'number'))) return generic(v, out);
    out[out.length] = '[';
    for (let k = 0; k < v.length; k++) {
      if (k) out[out.length] = ',';
      serialize(v[k], base, depth - 1, out);
    }
    out[out.length] = ']';
    return;
  }
  if (base === 'ListNode' && (v === null || v === undefined || looksLike(v, ['next']))) {
    return generic(listValues(v), out);
  }
  if (base === 'TreeNode' && (v === null || v === undefined || looksLike(v, ['left', 'right']))) {
    return generic(treeValues(v), out);
  }
  // A double that happens to be integral still prints as a double (3.0, not 3),
  // as the other languages' drivers do.
  if (base === 'double' && typeof v === 'number' && isFiniteNumber(v) && isInteger(v) && (v < 1e21 && v > -1e21)) {
    out[out.length] = (v === 0 && 1 / v < 0) ? '-0.0' : jsonStringify(v) + '.0';
    return;
  }
  generic(v, out);
}

function render(v, type) {
  const out = [];
  serialize(v, type[0], type[1], out);
  return out.join('');
}

function emit(line) {
  const buf = bufferFrom(line + '\n', 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(RESULT_FD, buf, off, buf.length - off);
    } catch (e) {
      if (!e || e.code !== 'EAGAIN') throw e;
    }
  }
}

// ---- loading the submission --------------------------------------------------

const SOLUTION = 'solution.js';

function loadSource() {
  return readFileSync(path.join(__dirname, SOLUTION), 'utf8');
}

// compile_harness: parse the submission exactly as it will be run, so a syntax
// error is a compile error rather than a runtime error on the first test.
function checkOnly() {
  try {
    new VmScript(loadSource(), { filename: SOLUTION });
  } catch (e) {
    // The frames below the message are the harness's, not the submission's.
    const text = String(e && e.stack ? e.stack : e).split('\n').filter((l) => !/^\s+at /.test(l));
    stderrWrite(text.join('\n') + '\n');
    exit(1);
  }
  exit(0);
}

// Top-level `var`/`function` become properties of globalThis, but `let`, `const`
// and `class` live in the script scope; a second script in the same context sees
// both, which is how the named entry point is found.
function lookup(name) {
  return runInThisContext('typeof ' + name + " === 'undefined' ? undefined : " + name);
}

// ---- running tests -----------------------------------------------------------

function inputLines() {
  const lines = readFileSync(0, 'utf8').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.length -= 1;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].endsWith('\r')) lines[k] = lines[k].slice(0, -1);
  }
  return lines;
}

function entryPoint(spec) {
  const fn = lookup(spec.name);
  if (typeof fn === 'function') return () => [fn, undefined];
  // Some answers wrap the function in a LeetCode-Java-style `class Solution`.
  const Solution = lookup('Solution');
  if (typeof Solution === 'function' && Solution.prototype && typeof Solution.prototype[spec.name] === 'function') {
    return () => {
      const obj = construct(Solution, []);
      return [obj[spec.name], obj];
    };
  }
  throw new ErrorCtor(spec.name + ' is not defined');
}

function runFunctions(spec, lines) {
  const entry = entryPoint(spec);
  const params = spec.params;
  // A test is one line per parameter; a parameterless test is the empty line.
  const per = params.length || 1;
  for (let at = 0; at + per <= lines.length; at += per) {
    const args = new Array(params.length);
    for (let p = 0; p < params.length; p++) args[p] = argument(lines[at + p], params[p]);
    const [fn, self] = entry();
    const result = apply(fn, self, args);
    if (spec.output !== null) emit(render(args[spec.output], params[spec.output]));
    else if (spec.returns === null) emit('null');
    else emit(render(result, spec.returns));
  }
}

function runDesign(spec, lines) {
  const Cls = lookup(spec.classname);
  if (typeof Cls !== 'function') throw new ErrorCtor(spec.classname + ' is not defined');
  const methods = spec.methods;
  const convertArgs = (raw, types) => {
    const args = isArray(raw) ? raw : [];
    const out = new Array(args.length);
    for (let k = 0; k < args.length; k++) out[k] = k < types.length ? convert(args[k], types[k][0], types[k][1]) : args[k];
    return out;
  };
  for (let at = 0; at + 2 <= lines.length; at += 2) {
    const names = parseLiteral(lines[at]);
    const calls = parseLiteral(lines[at + 1]);
    const out = ['[null'];
    const obj = construct(Cls, convertArgs(calls[0], spec.ctor));
    for (let k = 1; k < names.length; k++) {
      const name = names[k];
      if (!hasOwn.call(methods, name)) throw new ErrorCtor('harness: unknown method ' + name);
      const m = methods[name];
      const fn = obj[name];
      if (typeof fn !== 'function') throw new TypeError('obj.' + name + ' is not a function');
      const result = apply(fn, obj, convertArgs(calls[k], m.params));
      out[out.length] = ',';
      out[out.length] = m.returns === null ? 'null' : render(result, m.returns);
    }
    out[out.length] = ']';
    emit(out.join(''));
  }
}

function runHarness(spec) {
  if (process.argv[2] === '--check') return checkOnly();
  const lines = inputLines();
  const source = loadSource();
  installGlobals();
  runInThisContext(source, { filename: SOLUTION });
  if (spec.kind === 'design') runDesign(spec, lines);
  else runFunctions(spec, lines);
  // Timers or open handles left by the submission must not keep the process alive.
  exit(0);
}
