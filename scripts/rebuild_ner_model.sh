#!/usr/bin/env bash
# Rebuild the committed src/hadath/models/ner.model byte for byte and check its sha256.
#
#     bash scripts/rebuild_ner_model.sh [SHARED] [OUT_DIR]
#
# The committed model (a CRF with word-pair features, notes/ner.md rounds 7 and 11) was
# trained by scripts/train_ner.py as of commit 26f91f5. The model stores a gazetteer built
# from hadath's lexicons, so training a later tree, whose lexicons may differ, gives a
# different model; this script trains the tree the model came from. Needs the git history
# (a clone, not an archive), ../shared, and the `train` extra (python-crfsuite). About 6
# minutes and 2 GB of memory on one core.
set -euo pipefail

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=$(realpath "${1:-$repo/../shared}")
out=$(realpath -m "${2:-$repo/build/ner-rebuild}")
python=${PYTHON:-$repo/.venv/bin/python}
expected=1e55d92d6b0b7a51d2574f95ad526fc3387cf879ab883bb6ec34928ec7f64d42

tree=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$tree"' EXIT
git -C "$repo" worktree add --detach --quiet "$tree" 26f91f5
(cd "$tree" && PYTHONPATH="$tree/src" "$python" scripts/train_ner.py --shared "$shared" \
    --out "$out" --learner crf --c2 1 --possible-states --pair-min-count 2 --o-bias -1.0 \
    --prune 0.03)

actual=$(sha256sum "$out/ner.model" | cut -d' ' -f1)
echo "rebuilt $out/ner.model: sha256 $actual"
if [ "$actual" != "$expected" ]; then
    echo "differs from the committed model (sha256 $expected)" >&2
    exit 1
fi
echo "identical to src/hadath/models/ner.model"
