#!/usr/bin/env python3
"""What grew between two gcdumps (issue #20), per page: by type, by assembly, and the components.

    python3 bench/circuits/heapdiff.py BEFORE.gcdump AFTER.gcdump [pages=20] [--types N] [--components]

Keep the heaps with `BENCH_KEEP=dir bench/circuits/run.sh ...`; with BENCH_TYPES=1 as well, pass the .types files it keeps
instead of the .gcdump ones: their sizes are exact (heaptypes/heaptypes.cs, ClrMD), where gcdump's report counts every
string and array of a type at one object's size. Reads `dotnet gcdump report` (a local dotnet tool: run
from the repository). Its first column is the size of one object, the second the count: a type's bytes are their product.
Render-tree buffers and attribute-splatting tables are shown apart, as they follow the number of components.
"""
import collections, re, subprocess, sys


def load(path):
    if path.endswith(".types"):  # heaptypes/heaptypes.cs: exact bytes per type (BENCH_TYPES=1 run.sh)
        rows = {}
        for line in open(path):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and not line.startswith("#"):
                rows[parts[2]] = (int(parts[0]), int(parts[1]))
        return rows
    out = subprocess.run(["dotnet", "gcdump", "report", path], capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+([\d,]+)\s+(.*)$", line)
        if m:
            size, count, name = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", "")), m.group(3).strip()
            bytes_, objects = rows.get(name, (0, 0))
            rows[name] = (bytes_ + size * count, objects + count)
    return rows


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    before, after = load(args[0]), load(args[1])
    pages = int(args[2]) if len(args) > 2 else 20
    top = int(argv[argv.index("--types") + 1]) if "--types" in argv else 25
    grew = {k: ((after.get(k, (0, 0))[0] - before.get(k, (0, 0))[0]) / pages, (after.get(k, (0, 0))[1] - before.get(k, (0, 0))[1]) / pages)
            for k in set(before) | set(after)}
    groups = collections.Counter()
    for name, (b, _) in grew.items():
        group = re.search(r"\[([^\]]+)\]$", name)
        # .types rows carry no assembly: grouped by namespace instead
        group = group.group(1) if group else ".".join(name.split("<")[0].split(".")[:3])
        if "RenderTreeFrame[]" in name:
            group = "render-tree buffers"
        elif name.startswith("Entry<System.String,System.Int32>") or "Dictionary<System.String,System.Int32>" in name:
            group = "attribute tables"
        groups[group] += b
    how = ", exact" if args[0].endswith(".types") else ", estimated from the dumps"
    print(f"{'KB/page':>9}  by assembly (total {sum(groups.values()) / 1024:.0f} KB/page{how})")
    for group, b in groups.most_common(12):
        print(f"{b / 1024:9.1f}  {group}")
    print(f"\n{'KB/page':>9} {'obj/page':>9}  by type")
    for name, (b, n) in sorted(grew.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"{b / 1024:9.1f} {n:9.1f}  {name[:110]}")
    if "--components" in argv:
        print(f"\n{'obj/page':>9}  components")
        pattern = r"^(MudBlazor\.Mud|EcsConsole\.Web\.Components|Microsoft\.AspNetCore\.Components\.(Routing\.|Sections\.|Authorization\.|Forms\.|CascadingValue|LayoutView|RouteView))"
        for name, (_, n) in sorted(grew.items(), key=lambda kv: -kv[1][1]):
            if n >= 0.95 and re.match(pattern, name) and "EventArgs" not in name and "RenderFragment" not in name:
                print(f"{n:9.1f}  {name.split('  [')[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
