#!/usr/bin/env bash
# Clusters per second of `chorus batch` (default method) against sumy's LexRank, on the same
# clusters and budget, in one run.
#
# usage: scripts/speed-vs-sumy.sh DATA.jsonl[.gz] [N] [PEERS_VENV]
#   N           clusters to use (default 1000)
#   PEERS_VENV  a venv made by ../shared/tools/setup-peers.sh (default ./.peers-venv; made if absent)
#
# sumy's time is the one peers_sumy.py prints for its summarizing loop alone (Python start-up and
# JSON loading are left out, in sumy's favour); chorus's is the whole `chorus batch` process.
set -euo pipefail
data=$1
n=${2:-1000}
venv=${3:-.peers-venv}
here=$(cd "$(dirname "$0")/.." && pwd)
tools="$here/../shared/tools"
[[ -x $venv/bin/python ]] || bash "$tools/setup-peers.sh" "$venv" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $data == *.gz ]]; then zcat "$data"; else cat "$data"; fi | head -n "$n" > "$work/clusters.jsonl"
clusters=$(wc -l < "$work/clusters.jsonl")
cargo build --release --quiet --manifest-path "$here/Cargo.toml"

sumy_s=$("$venv/bin/python" "$tools/peers_sumy.py" "$work/clusters.jsonl" "$work/sumy.jsonl" --words 250 --algos LexRank \
  | sed -n 's/.* in \([0-9.]*\) s .*/\1/p')
start=$(date +%s.%N)
"$here/target/release/chorus" batch "$work/clusters.jsonl" --words 250 --truncate --quiet > "$work/chorus.jsonl" || true
end=$(date +%s.%N)
python3 - "$clusters" "$sumy_s" "$start" "$end" <<'PY'
import sys
n, sumy, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
chorus = end - start
print(f"{n} clusters, 250 words")
print(f"sumy LexRank : {sumy:8.3f} s  {n / sumy:10.1f} clusters/s")
print(f"chorus batch : {chorus:8.3f} s  {n / chorus:10.1f} clusters/s")
print(f"chorus is {sumy / chorus:.0f}x faster")
PY
