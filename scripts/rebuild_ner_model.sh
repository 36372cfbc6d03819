#!/usr/bin/env bash
# Rebuild the committed src/hadath/models/ner.model byte for byte and check its sha256.
#
#     bash scripts/rebuild_ner_model.sh [SHARED] [OUT_DIR]
#
# The committed model (round 2: averaged perceptron, seed 13, 9 epochs) was trained by
# scripts/train_ner.py as of commit f6df418, with the lexicons of commit c60fee7: the
# gazetteer the model stores is built from hadath's lexicons, and three lexicon edits
# (86244fc, b247e2a: الوزير, المبعوث الأممي, كتل) landed between training and committing.
# Training today's tree gives a different model (notes/ner.md, "Reproducibility check").
# Needs the git history (a clone, not an archive), ../shared, and numpy (the `train` extra).
set -euo pipefail

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=$(realpath "${1:-$repo/../shared}")
out=$(realpath -m "${2:-$repo/build/ner-rebuild}")
python=${PYTHON:-$repo/.venv/bin/python}
expected=9c648d49b3e18fda5f477dfa12eb968cf45da4c1818db0ef3bbe91cafb89c4a9

tree=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$tree"' EXIT
git -C "$repo" worktree add --detach --quiet "$tree" f6df418
git -C "$tree" checkout --quiet c60fee7 -- src/hadath/lexicon/data
(cd "$tree" && PYTHONPATH="$tree/src" "$python" scripts/train_ner.py --shared "$shared" --out "$out")

actual=$(sha256sum "$out/ner.model" | cut -d' ' -f1)
echo "rebuilt $out/ner.model: sha256 $actual"
if [ "$actual" != "$expected" ]; then
    echo "differs from the committed model (sha256 $expected)" >&2
    exit 1
fi
echo "identical to src/hadath/models/ner.model"
