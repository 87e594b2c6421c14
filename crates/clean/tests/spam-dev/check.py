#!/usr/bin/env python3
"""Self-check for the spam-dev probe (stdlib only).

Verifies that:
  * truth/NN.txt and pages/NN.txt exist for NN = 01..50 and decode as UTF-8;
  * every positions.tsv row points at its string in the page (line 1-based,
    col 0-based in code points), strings are at least 2 characters, and
    insertions on a line do not overlap;
  * removing all recorded insertions from each page gives its truth exactly;
  * injections.tsv counts equal occurrences(page) - occurrences(truth) and the
    number of positions rows for that (file, string), with matching kinds;
  * exactly 10 pages carry no spam (identical to truth, no rows).
Exit status 0 when everything holds, 1 otherwise.
"""
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ['%02d.txt' % i for i in range(1, 51)]
KINDS = ('brand', 'slogan')
errors = []


def err(msg):
    errors.append(msg)


def read(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8')


def main():
    truth, page = {}, {}
    for fn in FILES:
        for d, store in (('truth', truth), ('pages', page)):
            p = os.path.join(HERE, d, fn)
            if not os.path.exists(p):
                err('missing %s/%s' % (d, fn))
                continue
            store[fn] = read(p)
    extra = set(os.listdir(os.path.join(HERE, 'pages'))) ^ set(os.listdir(os.path.join(HERE, 'truth')))
    if extra:
        err('pages/ and truth/ differ in file names: %s' % sorted(extra))

    inj = {}
    for n, line in enumerate(read(os.path.join(HERE, 'injections.tsv')).splitlines(), 1):
        parts = line.split('\t')
        if len(parts) != 4:
            err('injections.tsv:%d: expected 4 fields' % n)
            continue
        fn, s, kind, cnt = parts
        if kind not in KINDS:
            err('injections.tsv:%d: bad kind %r' % (n, kind))
        if (fn, s) in inj:
            err('injections.tsv:%d: duplicate row for %s %r' % (n, fn, s))
        inj[(fn, s)] = (kind, int(cnt))

    pos = defaultdict(list)          # fn -> [(line, col, s, kind)]
    pos_count = Counter()
    for n, line in enumerate(read(os.path.join(HERE, 'positions.tsv')).splitlines(), 1):
        parts = line.split('\t')
        if len(parts) != 5:
            err('positions.tsv:%d: expected 5 fields' % n)
            continue
        fn, ln, col, s, kind = parts
        if len(s) < 2:
            err('positions.tsv:%d: single-character insertion %r' % (n, s))
        if (fn, s) not in inj:
            err('positions.tsv:%d: %s %r has no injections.tsv row' % (n, fn, s))
        elif inj[(fn, s)][0] != kind:
            err('positions.tsv:%d: kind %s disagrees with injections.tsv' % (n, kind))
        pos[fn].append((int(ln), int(col), s, kind))
        pos_count[(fn, s)] += 1

    spam_free = 0
    for fn in FILES:
        if fn not in page or fn not in truth:
            continue
        t, p = truth[fn], page[fn]
        lines = p.split('\n')
        by_line = defaultdict(list)
        for ln, col, s, _ in pos[fn]:
            if not 1 <= ln <= len(lines):
                err('%s: line %d out of range' % (fn, ln))
                continue
            if lines[ln - 1][col:col + len(s)] != s:
                err('%s:%d:%d: page text is %r, not %r' % (fn, ln, col, lines[ln - 1][col:col + len(s)], s))
            by_line[ln].append((col, s))
        rebuilt = []
        for i, text in enumerate(lines, 1):
            spans = sorted(by_line.get(i, []), reverse=True)
            prev_start = None
            for col, s in spans:
                if prev_start is not None and col + len(s) > prev_start:
                    err('%s:%d: overlapping insertions at col %d' % (fn, i, col))
                text = text[:col] + text[col + len(s):]
                prev_start = col
            rebuilt.append(text)
        if '\n'.join(rebuilt) != t:
            err('%s: page minus recorded insertions differs from truth' % fn)
        n_truth_lines = len(t.rstrip('\n').split('\n'))
        if not 4 <= n_truth_lines <= 30:
            err('%s: truth has %d lines (want 4..30)' % (fn, n_truth_lines))
        rows = [(s, kc) for (f, s), kc in inj.items() if f == fn]
        for s, (kind, cnt) in rows:
            diff = p.count(s) - t.count(s)
            if diff != cnt:
                err('%s: %r count %d but page-truth occurrences differ by %d' % (fn, s, cnt, diff))
            if pos_count[(fn, s)] != cnt:
                err('%s: %r count %d but %d positions rows' % (fn, s, cnt, pos_count[(fn, s)]))
        if not rows and not pos[fn]:
            if p != t:
                err('%s: no recorded spam but page differs from truth' % fn)
            spam_free += 1
        elif p == t:
            err('%s: spam recorded but page equals truth' % fn)
    if spam_free != 10:
        err('expected 10 spam-free pages, found %d' % spam_free)

    occ = Counter()
    distinct = defaultdict(set)
    for (fn, s), (kind, cnt) in inj.items():
        occ[kind] += cnt
        distinct[kind].add(s)
    print('pages: %d, spam-free: %d' % (len(page), spam_free))
    for k in KINDS:
        print('%s: %d distinct strings, %d rows, %d occurrences' % (
            k, len(distinct[k]), sum(1 for v in inj.values() if v[0] == k), occ[k]))
    if errors:
        for e in errors:
            print('FAIL:', e)
        print('%d problem(s)' % len(errors))
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
