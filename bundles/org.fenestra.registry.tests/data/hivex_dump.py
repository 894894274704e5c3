#!/usr/bin/python3
# Prints a hive's keys and values through hivex (the oracle), in the canonical form the tests
# compare: "K path" per key (depth first, subkeys sorted by name), then "V name-utf8-hex type
# data-hex" per value (sorted by name). Usage: hivex_dump.py HIVE
import sys
import hivex

h = hivex.Hivex(sys.argv[1])
out = sys.stdout


def walk(node, path):
    out.write("K " + path + "\n")
    values = []
    for v in h.node_values(node):
        t, data = h.value_value(v)
        values.append((h.value_key(v), t, data))
    values.sort(key=lambda x: x[0])
    for name, t, data in values:
        out.write("V %s %d %s\n" % (name.encode("utf-8").hex(), t, data.hex()))
    children = [(h.node_name(c), c) for c in h.node_children(node)]
    children.sort(key=lambda x: x[0])
    for name, c in children:
        walk(c, path + "\\" + name if path else name)


sys.setrecursionlimit(100000)
walk(h.root(), "")
