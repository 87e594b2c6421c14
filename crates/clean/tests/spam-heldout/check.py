#!/usr/bin/env python3
"""Self-check for the held-out spam probe (no cargo, stdlib only).

Verifies that
  * every pages/NN.txt minus the insertions recorded in positions.tsv equals truth/NN.txt,
  * every recorded insertion is really at its recorded place,
  * each injections.tsv count == occurrences in page - occurrences in truth
    (and == the number of recorded insertions of that string on that page),
  * exactly 8 pages are identical to their truth and carry no rows,
  * every truth file has 4..25 non-empty lines.
Run: python3 check.py   (from any directory)
"""
import collections, os, sys

D = os.path.dirname(os.path.abspath(__file__))
def rd(p): return open(os.path.join(D, p), encoding='utf-8').read()
def occ(h, n):  # overlapping occurrences
    return sum(1 for i in range(len(h) - len(n) + 1) if h.startswith(n, i))

files = ['%02d.txt' % i for i in range(1, 41)]
errors = []
inj = [l.split('\t') for l in rd('injections.tsv').splitlines() if l]
pos = [l.split('\t') for l in rd('positions.tsv').splitlines() if l]
pos_by_file = collections.defaultdict(list)
for f, line, col, s, kind in pos:
    pos_by_file[f].append((int(line), int(col), s, kind))
npos = collections.Counter((f, s, k) for f, _, _, s, k in pos)

for f in files:
    truth, page = rd('truth/' + f), rd('pages/' + f)
    tl = truth.rstrip('\n').split('\n')
    if not 4 <= len(tl) <= 25 or any(not x.strip() for x in tl):
        errors.append(f'{f}: truth has {len(tl)} lines or empty lines')
    pl = page.split('\n')
    for line, col, s, kind in sorted(pos_by_file[f], key=lambda x: (x[0], -x[1])):
        cur = pl[line - 1]
        if cur[col:col + len(s)] != s:
            errors.append(f'{f}: {s!r} not at line {line} col {col}')
            continue
        pl[line - 1] = cur[:col] + cur[col + len(s):]
    if '\n'.join(pl) != truth:
        errors.append(f'{f}: page minus recorded insertions != truth')

rows_by_file = collections.defaultdict(list)
seen = set()
for f, s, kind, c in inj:
    c = int(c)
    rows_by_file[f].append((s, kind, c))
    if (f, s) in seen: errors.append(f'{f}: duplicate row {s!r}')
    seen.add((f, s))
    if kind not in ('brand', 'slogan'): errors.append(f'{f}: bad kind {kind}')
    if len(s) < 2: errors.append(f'{f}: single-character insertion {s!r}')
    truth, page = rd('truth/' + f), rd('pages/' + f)
    d1 = page.count(s) - truth.count(s)
    d2 = occ(page, s) - occ(truth, s)
    if not (c == d1 == d2 == npos[(f, s, kind)]):
        errors.append(f'{f}: {s!r} count {c} vs diff {d1}/{d2} vs positions {npos[(f, s, kind)]}')
    if not 1 <= c <= 6: errors.append(f'{f}: {s!r} count {c} outside 1..6')
if sum(npos.values()) != sum(int(r[3]) for r in inj):
    errors.append('positions.tsv and injections.tsv totals differ')
for f in rows_by_file:
    ss = [s for s, _, _ in rows_by_file[f]]
    for a in ss:
        for b in ss:
            if a != b and a in b:
                errors.append(f'{f}: {a!r} is a substring of {b!r}')

clean = [f for f in files if rd('pages/' + f) == rd('truth/' + f)]
for f in clean:
    if rows_by_file.get(f): errors.append(f'{f}: identical to truth but has rows')
for f in files:
    if f not in clean and not rows_by_file.get(f): errors.append(f'{f}: differs but has no rows')
if len(clean) != 8: errors.append(f'{len(clean)} spam-free pages, expected 8')

by_kind = collections.defaultdict(set); occ_kind = collections.Counter()
for f, s, kind, c in inj:
    by_kind[kind].add(s); occ_kind[kind] += int(c)
print('pages: %d (spam-free: %d -> %s)' % (len(files), len(clean), ' '.join(x[:2] for x in clean)))
for k in ('brand', 'slogan'):
    print(f'{k}: {len(by_kind[k])} distinct strings, {sum(1 for r in inj if r[2]==k)} rows, {occ_kind[k]} inserted occurrences')
if errors:
    print('\n'.join('ERROR ' + e for e in errors)); sys.exit(1)
print('OK')
